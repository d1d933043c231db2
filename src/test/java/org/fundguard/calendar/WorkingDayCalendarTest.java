package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar cal = WorkingDayCalendar.official();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class SpringFestival2025 {

        @Test
        void classification() {
            assertThat(cal.isWorkingDay(d("2025-01-24"))).as("Fri").isTrue();
            assertThat(cal.isWorkingDay(d("2025-01-25"))).as("plain Sat").isFalse();
            assertThat(cal.isWorkingDay(d("2025-01-26"))).as("Sun, adjusted working day").isTrue();
            assertThat(cal.isWorkingDay(d("2025-01-27"))).as("Mon").isTrue();
            for (LocalDate x = d("2025-01-28"); !x.isAfter(d("2025-02-04")); x = x.plusDays(1)) {
                assertThat(cal.isWorkingDay(x)).as("%s Spring Festival", x).isFalse();
            }
            assertThat(cal.isWorkingDay(d("2025-02-08"))).as("Sat, adjusted working day").isTrue();
            assertThat(cal.isWorkingDay(d("2025-02-09"))).as("plain Sun").isFalse();
        }

        @Test
        void appliedFridayBeforeTheHoliday() {
            // applied Fri 2025-01-24; the application day is not counted:
            //  1: Sun 01-26 (adjusted working day)     2: Mon 01-27
            //     Tue 01-28 .. Tue 02-04 off (Spring Festival; 01-25 is a plain Saturday)
            //  3: Wed 02-05   4: Thu 02-06   5: Fri 02-07
            //  6: Sat 02-08 (adjusted working day)     Sun 02-09 weekend
            //  7: Mon 02-10   8: Tue 02-11   9: Wed 02-12  10: Thu 02-13
            assertThat(cal.addWorkingDays(d("2025-01-24"), 10)).isEqualTo(d("2025-02-13"));
            assertThat(cal.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
            assertThat(cal.addWorkingDays(d("2025-01-24"), 2)).isEqualTo(d("2025-01-27"));
            assertThat(cal.addWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
            assertThat(cal.addWorkingDays(d("2025-01-24"), 6)).isEqualTo(d("2025-02-08"));
        }

        @Test
        void appliedOnAHolidayOrAWeekend() {
            // applied Wed 2025-01-29 (holiday): 02-05 1, 02-06 2, 02-07 3, 02-08 Sat 4, 02-10 5,
            // 02-11 6, 02-12 7, 02-13 8, 02-14 9, Mon 02-17 10
            assertThat(cal.addWorkingDays(d("2025-01-29"), 10)).isEqualTo(d("2025-02-17"));
            // applied Sat 2025-02-01 (weekend inside the holiday): same days after it
            assertThat(cal.addWorkingDays(d("2025-02-01"), 10)).isEqualTo(d("2025-02-17"));
            // applied Sun 2025-01-26, itself an adjusted working day (not counted either):
            // 01-27 1, 02-05 2, 02-06 3, 02-07 4, 02-08 5, 02-10 6, 02-11 7, 02-12 8, 02-13 9, 02-14 10
            assertThat(cal.addWorkingDays(d("2025-01-26"), 10)).isEqualTo(d("2025-02-14"));
            // applied Sat 2025-01-25 (plain weekend day): 01-26 1, 01-27 2, 02-05 3 ... 02-13 10
            assertThat(cal.addWorkingDays(d("2025-01-25"), 10)).isEqualTo(d("2025-02-13"));
        }

        @Test
        void workingDaysLeftBothWays() {
            // D = 2025-01-24, deadline 2025-02-13: (D, deadline] holds 10 working days
            assertThat(cal.workingDaysBetween(d("2025-01-24"), d("2025-02-13"))).isEqualTo(10);
            // D in the middle of the holiday: 02-05 .. 02-13 = 02-05,06,07,08,10,11,12,13 = 8
            assertThat(cal.workingDaysBetween(d("2025-01-30"), d("2025-02-13"))).isEqualTo(8);
            // nothing but holidays in (01-27, 02-04]
            assertThat(cal.workingDaysBetween(d("2025-01-27"), d("2025-02-04"))).isZero();
            // deadline passed: D = Mon 2025-02-17, (deadline, D] = 02-14, 02-17 -> working_days_left = -2
            assertThat(-cal.workingDaysBetween(d("2025-02-13"), d("2025-02-17"))).isEqualTo(-2);
            // b <= a -> 0
            assertThat(cal.workingDaysBetween(d("2025-02-13"), d("2025-01-24"))).isZero();
            assertThat(cal.workingDaysBetween(d("2025-02-13"), d("2025-02-13"))).isZero();
        }
    }

    @Nested
    class NationalDay2025 {

        @Test
        void classification() {
            assertThat(cal.isWorkingDay(d("2025-09-28"))).as("Sun, adjusted working day").isTrue();
            for (LocalDate x = d("2025-10-01"); !x.isAfter(d("2025-10-08")); x = x.plusDays(1)) {
                assertThat(cal.isWorkingDay(x)).as("%s National Day / Mid-Autumn", x).isFalse();
            }
            assertThat(cal.isWorkingDay(d("2025-10-09"))).isTrue();
            assertThat(cal.isWorkingDay(d("2025-10-11"))).as("Sat, adjusted working day").isTrue();
            assertThat(cal.isWorkingDay(d("2025-10-12"))).as("plain Sun").isFalse();
        }

        @Test
        void deadlines() {
            // applied Fri 2025-09-26: Sat 09-27 weekend, 1: Sun 09-28 (adjusted), 2: Mon 09-29,
            // 3: Tue 09-30, 10-01..10-08 off, 4: Thu 10-09, 5: Fri 10-10, 6: Sat 10-11 (adjusted),
            // Sun 10-12 weekend, 7: Mon 10-13, 8: 10-14, 9: 10-15, 10: Thu 10-16
            assertThat(cal.addWorkingDays(d("2025-09-26"), 10)).isEqualTo(d("2025-10-16"));
            // applied Wed 2025-10-01 (holiday): 10-09 1, 10-10 2, 10-11 3, 10-13 4, 10-14 5, 10-15 6,
            // 10-16 7, 10-17 8, Mon 10-20 9, Tue 10-21 10
            assertThat(cal.addWorkingDays(d("2025-10-01"), 10)).isEqualTo(d("2025-10-21"));
            // DUE_SOON window D + 2 working days from Tue 09-30: 10-09, 10-10
            assertThat(cal.addWorkingDays(d("2025-09-30"), 2)).isEqualTo(d("2025-10-10"));
        }

        @Test
        void workingDaysLeftBothWays() {
            assertThat(cal.workingDaysBetween(d("2025-09-26"), d("2025-10-16"))).isEqualTo(10);
            assertThat(cal.workingDaysBetween(d("2025-09-30"), d("2025-10-08"))).isZero();
            assertThat(cal.workingDaysBetween(d("2025-09-30"), d("2025-10-09"))).isEqualTo(1);
            // deadline Tue 09-30 passed, D = Sat 10-11 (working): (09-30, 10-11] = 10-09, 10-10, 10-11
            assertThat(-cal.workingDaysBetween(d("2025-09-30"), d("2025-10-11"))).isEqualTo(-3);
        }
    }

    @Nested
    class NewYear2026 {

        @Test
        void classification() {
            assertThat(cal.isWorkingDay(d("2025-12-31"))).isTrue();
            assertThat(cal.isWorkingDay(d("2026-01-01"))).isFalse();
            assertThat(cal.isWorkingDay(d("2026-01-02"))).isFalse();
            assertThat(cal.isWorkingDay(d("2026-01-03"))).isFalse();
            assertThat(cal.isWorkingDay(d("2026-01-04"))).as("Sun, adjusted working day").isTrue();
            assertThat(cal.isWorkingDay(d("2026-01-05"))).isTrue();
        }

        @Test
        void deadlinesAcrossTheYearBoundary() {
            // applied Thu 2025-12-25: 1: Fri 12-26, 2: Mon 12-29, 3: 12-30, 4: Wed 12-31,
            // 2026-01-01..01-03 off, 5: Sun 01-04 (adjusted), 6: Mon 01-05, 7: 01-06, 8: 01-07,
            // 9: 01-08, 10: Fri 01-09
            assertThat(cal.addWorkingDays(d("2025-12-25"), 10)).isEqualTo(d("2026-01-09"));
            // applied Wed 2025-12-31: 1: 01-04, 2..6: 01-05..01-09, 7..10: 01-12..01-15
            assertThat(cal.addWorkingDays(d("2025-12-31"), 10)).isEqualTo(d("2026-01-15"));
            // applied on the holiday Fri 2026-01-02: 01-04 is the 1st
            assertThat(cal.addWorkingDays(d("2026-01-02"), 1)).isEqualTo(d("2026-01-04"));
        }

        @Test
        void workingDaysLeftAcrossTheYearBoundary() {
            assertThat(cal.workingDaysBetween(d("2025-12-25"), d("2026-01-09"))).isEqualTo(10);
            assertThat(cal.workingDaysBetween(d("2025-12-31"), d("2026-01-04"))).isEqualTo(1);
            assertThat(-cal.workingDaysBetween(d("2025-12-26"), d("2026-01-05"))).isEqualTo(-5);
        }
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2023-01-01, 10, 2023-01-16",   // Sun in the 2023 New Year holiday
        "2024-02-09, 10, 2024-02-29",   // Fri before the 2024 Spring Festival (leap year)
        "2025-03-08, 10, 2025-03-21",   // plain Saturday
        "2026-09-30, 10, 2026-10-20",   // before the 2026 National Day
        "2026-12-30, 1, 2026-12-31",
        "2022-12-31, 1, 2023-01-03",    // from itself is not classified; 2023-01-01/02 off
    })
    void moreDeadlines(LocalDate from, int n, LocalDate expected) {
        assertThat(cal.addWorkingDays(from, n)).isEqualTo(expected);
    }

    @Test
    void addWorkingDaysArguments() {
        assertThat(cal.addWorkingDays(d("2025-02-01"), 0)).isEqualTo(d("2025-02-01"));
        assertThatThrownBy(() -> cal.addWorkingDays(d("2025-02-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixCountsAgreeWithDayByDayClassificationOverAllCoveredDays() {
        LocalDate first = d("2022-12-31");
        LocalDate last = d("2026-12-31");
        int running = 0;
        for (LocalDate x = first.plusDays(1); !x.isAfter(last); x = x.plusDays(1)) {
            boolean working = cal.isWorkingDay(x);
            if (working) {
                running++;
                assertThat(cal.addWorkingDays(first, running)).isEqualTo(x);
            }
            assertThat(cal.workingDaysBetween(first, x)).isEqualTo(running);
            assertThat(cal.workingDaysBetween(x.minusDays(1), x)).isEqualTo(working ? 1 : 0);
        }
        // and deadlines: add then count back, from every covered day, for a few n
        for (LocalDate x = first; x.isBefore(d("2026-11-01")); x = x.plusDays(1)) {
            for (int n : new int[] {1, 2, 10, 20}) {
                LocalDate dl = cal.addWorkingDays(x, n);
                assertThat(cal.isWorkingDay(dl)).isTrue();
                assertThat(cal.workingDaysBetween(x, dl)).isEqualTo(n);
                assertThat(cal.workingDaysBetween(x, dl.minusDays(1))).isEqualTo(n - 1);
            }
        }
    }

    @Nested
    class MissingYears {

        @Test
        void coverage() {
            assertThat(cal.years()).containsExactly(2023, 2024, 2025, 2026);
            assertThat(cal.covers(2023)).isTrue();
            assertThat(cal.covers(2026)).isTrue();
            assertThat(cal.covers(2022)).isFalse();
            assertThat(cal.covers(2027)).isFalse();
        }

        @Test
        void year2027IsNotGuessed() {
            assertThatThrownBy(() -> cal.isWorkingDay(d("2027-01-04")))
                    .isInstanceOf(ContractException.class)
                    .hasMessageStartingWith("the working-day calendar has no holiday notice for 2027;");
            // 2026-12-25 Fri: 12-28..12-31 are only 4 working days, the rest would need 2027
            assertThatThrownBy(() -> cal.addWorkingDays(d("2026-12-25"), 10))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2027");
            assertThatThrownBy(() -> cal.addWorkingDays(d("2026-12-31"), 1))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2027");
            assertThatThrownBy(() -> cal.workingDaysBetween(d("2026-12-20"), d("2027-01-10")))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2027");
        }

        @Test
        void year2022IsNotGuessedEvenFor20221231() {
            assertThatThrownBy(() -> cal.isWorkingDay(d("2022-12-31")))
                    .isInstanceOf(ContractException.class)
                    .hasMessageStartingWith("the working-day calendar has no holiday notice for 2022;");
            assertThatThrownBy(() -> cal.isWorkingDay(d("2022-06-01")))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2022");
            // the day after from is 2022-12-31, which needs 2022
            assertThatThrownBy(() -> cal.addWorkingDays(d("2022-12-30"), 1))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2022");
            assertThatThrownBy(() -> cal.workingDaysBetween(d("2022-12-30"), d("2023-01-10")))
                    .isInstanceOf(ContractException.class).hasMessageContaining("2022");
            // (2022-12-31, 2023-01-03] lies wholly in 2023
            assertThat(cal.workingDaysBetween(d("2022-12-31"), d("2023-01-03"))).isEqualTo(1);
        }

        @Test
        void firstMissingYear() {
            assertThat(cal.firstMissingYear(d("2023-01-01"), d("2026-12-31"))).isEqualTo(OptionalInt.empty());
            assertThat(cal.firstMissingYear(d("2025-06-01"), d("2025-06-01"))).isEqualTo(OptionalInt.empty());
            assertThat(cal.firstMissingYear(d("2025-01-01"), d("2028-03-01"))).isEqualTo(OptionalInt.of(2027));
            assertThat(cal.firstMissingYear(d("2022-12-31"), d("2023-01-05"))).isEqualTo(OptionalInt.of(2022));
            assertThat(cal.firstMissingYear(d("2020-01-01"), d("2026-01-01"))).isEqualTo(OptionalInt.of(2020));
            // walking backwards from 2026 to 2021: 2022 is met first
            assertThat(cal.firstMissingYear(d("2026-05-01"), d("2021-01-01"))).isEqualTo(OptionalInt.of(2022));
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoHundredThousandDeadlinesAreCheap() {
        LocalDate start = d("2023-01-01");
        long checksum = 0;
        for (int i = 0; i < 200_000; i++) {
            LocalDate applied = start.plusDays(i % 1400);
            LocalDate deadline = cal.addWorkingDays(applied, 10);
            checksum += cal.workingDaysBetween(applied, deadline);
        }
        assertThat(checksum).isEqualTo(2_000_000L);
    }
}
