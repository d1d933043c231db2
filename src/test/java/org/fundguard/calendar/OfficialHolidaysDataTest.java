package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fundguard.run.ContractException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped calendar/official-holidays.csv holds exactly the dates of spec/calendar.md. The dates
 * are copied here from calendar.md (the test does not read ../shared so that it runs anywhere).
 */
class OfficialHolidaysDataTest {

    /** notice year -> [off dates, work dates], verbatim from calendar.md. */
    private static final Map<Integer, String[]> CALENDAR_MD = Map.of(
            2023, new String[] {
                "2022-12-31, 2023-01-01, 2023-01-02, 2023-01-21, 2023-01-22, 2023-01-23, 2023-01-24, 2023-01-25, 2023-01-26, 2023-01-27, 2023-04-05, 2023-04-29, 2023-04-30, 2023-05-01, 2023-05-02, 2023-05-03, 2023-06-22, 2023-06-23, 2023-06-24, 2023-09-29, 2023-09-30, 2023-10-01, 2023-10-02, 2023-10-03, 2023-10-04, 2023-10-05, 2023-10-06",
                "2023-01-28, 2023-01-29, 2023-04-23, 2023-05-06, 2023-06-25, 2023-10-07, 2023-10-08"},
            2024, new String[] {
                "2024-01-01, 2024-02-10, 2024-02-11, 2024-02-12, 2024-02-13, 2024-02-14, 2024-02-15, 2024-02-16, 2024-02-17, 2024-04-04, 2024-04-05, 2024-04-06, 2024-05-01, 2024-05-02, 2024-05-03, 2024-05-04, 2024-05-05, 2024-06-10, 2024-09-15, 2024-09-16, 2024-09-17, 2024-10-01, 2024-10-02, 2024-10-03, 2024-10-04, 2024-10-05, 2024-10-06, 2024-10-07",
                "2024-02-04, 2024-02-18, 2024-04-07, 2024-04-28, 2024-05-11, 2024-09-14, 2024-09-29, 2024-10-12"},
            2025, new String[] {
                "2025-01-01, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31, 2025-02-01, 2025-02-02, 2025-02-03, 2025-02-04, 2025-04-04, 2025-04-05, 2025-04-06, 2025-05-01, 2025-05-02, 2025-05-03, 2025-05-04, 2025-05-05, 2025-05-31, 2025-06-01, 2025-06-02, 2025-10-01, 2025-10-02, 2025-10-03, 2025-10-04, 2025-10-05, 2025-10-06, 2025-10-07, 2025-10-08",
                "2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11"},
            2026, new String[] {
                "2026-01-01, 2026-01-02, 2026-01-03, 2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21, 2026-02-22, 2026-02-23, 2026-04-04, 2026-04-05, 2026-04-06, 2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05, 2026-06-19, 2026-06-20, 2026-06-21, 2026-09-25, 2026-09-26, 2026-09-27, 2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07",
                "2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10"});

    /** Counts per notice year (off, work), counted by hand in calendar.md. */
    private static final Map<Integer, int[]> COUNTS = Map.of(
            2023, new int[] {27, 7},
            2024, new int[] {28, 8},
            2025, new int[] {28, 5},
            2026, new int[] {33, 6});

    private static List<HolidayNoticeFile.Entry> shipped;

    @BeforeAll
    static void readShippedFile() throws Exception {
        try (InputStream in = WorkingDayCalendar.class.getClassLoader()
                .getResourceAsStream(WorkingDayCalendar.OFFICIAL_RESOURCE)) {
            assertThat(in).as("classpath " + WorkingDayCalendar.OFFICIAL_RESOURCE).isNotNull();
            shipped = HolidayNoticeFile.parse(in, WorkingDayCalendar.OFFICIAL_RESOURCE);
        }
    }

    private static Set<LocalDate> dates(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<LocalDate> shipped(int noticeYear, boolean work) {
        return shipped.stream()
                .filter(e -> e.noticeYear() == noticeYear && e.work() == work)
                .map(HolidayNoticeFile.Entry::date)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void countsPerYearMatchCalendarMd() {
        Map<Integer, int[]> actual = new TreeMap<>();
        for (HolidayNoticeFile.Entry e : shipped) {
            actual.computeIfAbsent(e.noticeYear(), y -> new int[2])[e.work() ? 1 : 0]++;
        }
        assertThat(actual.keySet()).containsExactly(2023, 2024, 2025, 2026);
        COUNTS.forEach((year, expected) ->
                assertThat(actual.get(year)).as("off/work rows of the %d notice", year).containsExactly(expected));
        assertThat(shipped).hasSize(27 + 7 + 28 + 8 + 28 + 5 + 33 + 6);
        // the hard-coded lists agree with the hard-coded counts
        CALENDAR_MD.forEach((year, lists) -> {
            assertThat(dates(lists[0])).hasSize(COUNTS.get(year)[0]);
            assertThat(dates(lists[1])).hasSize(COUNTS.get(year)[1]);
        });
    }

    @Test
    void everyDateOfCalendarMdIsShippedWithItsKindAndNoOther() {
        CALENDAR_MD.forEach((year, lists) -> {
            assertThat(shipped(year, false)).as("off dates of the %d notice", year)
                    .containsExactlyElementsOf(dates(lists[0]));
            assertThat(shipped(year, true)).as("work dates of the %d notice", year)
                    .containsExactlyElementsOf(dates(lists[1]));
        });
    }

    @Test
    void everyShippedRowHasANote() {
        assertThat(shipped).allSatisfy(e -> assertThat(e.note()).isNotBlank());
    }

    @Test
    void officialCalendarClassifiesEveryListedDate() {
        WorkingDayCalendar cal = WorkingDayCalendar.official();
        assertThat(cal.years()).containsExactly(2023, 2024, 2025, 2026);
        CALENDAR_MD.forEach((year, lists) -> {
            for (LocalDate d : dates(lists[0])) {
                if (d.getYear() == 2022) {
                    // listed by the 2023 notice, but 2022 itself is not covered: never guess
                    assertThatThrownBy(() -> cal.isWorkingDay(d))
                            .isInstanceOf(ContractException.class).hasMessageContaining("2022");
                } else {
                    assertThat(cal.isWorkingDay(d)).as("%s is off", d).isFalse();
                }
            }
            for (LocalDate d : dates(lists[1])) {
                assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(cal.isWorkingDay(d)).as("%s is an adjusted working day", d).isTrue();
            }
        });
    }

    @Test
    void workingDaysPerYear() {
        // Mon–Fri of the year, minus the off weekdays, plus the work days (cross-checked with an
        // independent day-by-day count over calendar.md).
        WorkingDayCalendar cal = WorkingDayCalendar.official();
        assertThat(cal.workingDaysBetween(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 12, 31))).isEqualTo(249);
        assertThat(cal.workingDaysBetween(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31))).isEqualTo(251);
        assertThat(cal.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
        assertThat(cal.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
    }
}
