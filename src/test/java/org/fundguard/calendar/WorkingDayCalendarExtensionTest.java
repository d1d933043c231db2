package org.fundguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;

import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** withFile: extension files such as the 2027 notice, and rejection of bad files. */
class WorkingDayCalendarExtensionTest {

    @TempDir
    Path dir;

    private final WorkingDayCalendar official = WorkingDayCalendar.official();

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A made-up 2027 notice (test fixture, not the real one). */
    private static final String NOTICE_2027 = """
            # test fixture: not the real 2027 notice
            notice_year,date,kind,note
            2027,2027-01-01,off,元旦
            2027,2027-02-08,off,春节
            2027,2027-02-09,off,春节
            2027,2027-02-10,off,春节
            2027,2027-02-11,off,春节
            2027,2027-02-12,off,春节
            2027,2027-02-20,work,春节
            """;

    @Test
    void a2027NoticeMakes2027Covered() throws IOException {
        WorkingDayCalendar cal = official.withFile(file("holidays-2027.csv", NOTICE_2027));

        assertThat(cal.years()).containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(cal.covers(2027)).isTrue();
        assertThat(cal.firstMissingYear(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)))
                .isEqualTo(OptionalInt.empty());
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 10))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 20))).as("Sat, adjusted").isTrue();
        // applied Fri 2026-12-25: 12-28, 12-29, 12-30, 12-31 (4), Fri 2027-01-01 off,
        // 01-04..01-08 (5..9), Mon 01-11 (10)
        assertThat(cal.addWorkingDays(LocalDate.of(2026, 12, 25), 10)).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(cal.workingDaysBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 11))).isEqualTo(10);
        // 2023–2026 unchanged: "a year in the file replaces nothing, it adds"
        assertThat(cal.addWorkingDays(LocalDate.of(2025, 1, 24), 10)).isEqualTo(LocalDate.of(2025, 2, 13));
        // the official calendar itself is immutable
        assertThat(official.covers(2027)).isFalse();
        assertThat(WorkingDayCalendar.official().years()).containsExactly(2023, 2024, 2025, 2026);
    }

    @Test
    void aNoticeWithAGapStillNeverGuessesTheMissingYear() throws IOException {
        WorkingDayCalendar cal = official.withFile(file("holidays-2028.csv", """
                notice_year,date,kind,note
                2028,2028-01-03,off,元旦
                """));
        assertThat(cal.years()).containsExactly(2023, 2024, 2025, 2026, 2028);
        assertThat(cal.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(cal.firstMissingYear(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1)))
                .isEqualTo(OptionalInt.of(2027));
        assertThatThrownBy(() -> cal.addWorkingDays(LocalDate.of(2026, 12, 31), 1))
                .isInstanceOf(ContractException.class).hasMessageContaining("2027");
        assertThatThrownBy(() -> cal.workingDaysBetween(LocalDate.of(2026, 6, 1), LocalDate.of(2028, 6, 1)))
                .isInstanceOf(ContractException.class).hasMessageContaining("2027");
    }

    @Test
    void chainedExtensionsAndByteOrderMark() throws IOException {
        Path f2027 = file("a.csv", "\uFEFF" + NOTICE_2027);
        Path f2028 = file("b.csv", "notice_year,date,kind,note\r\n2028,2028-01-03,off,元旦\r\n");
        WorkingDayCalendar cal = official.withFile(f2027).withFile(f2028);
        assertThat(cal.years()).containsExactly(2023, 2024, 2025, 2026, 2027, 2028);
        assertThat(cal.workingDaysBetween(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 4))).isEqualTo(1);
    }

    @Test
    void repeatingAnAlreadyLoadedEntryIsHarmless() throws IOException {
        WorkingDayCalendar cal = official.withFile(file("again.csv", """
                notice_year,date,kind,note
                2026,2026-01-01,off,元旦
                2026,2026-01-04,work,元旦
                """));
        assertThat(cal.years()).isEqualTo(official.years());
        assertThat(cal.addWorkingDays(LocalDate.of(2025, 12, 25), 10)).isEqualTo(LocalDate.of(2026, 1, 9));
    }

    @Test
    void aWorkDayOnAWednesdayIsRejectedWithFileAndLine() throws IOException {
        Path bad = file("bad-2027.csv", """
                notice_year,date,kind,note
                2027,2027-01-01,off,元旦
                2027,2027-02-17,work,春节
                """);
        assertThatThrownBy(() -> official.withFile(bad))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("2027-02-17")
                .hasMessageContaining("WEDNESDAY");
    }

    @Test
    void conflictWithTheOfficialCalendarIsRejectedWithFileAndLine() throws IOException {
        Path bad = file("conflict.csv", """
                notice_year,date,kind,note
                # 2026-01-04 is an adjusted working day in the official calendar
                2027,2026-12-31,off,元旦
                2027,2026-01-04,off,元旦
                """);
        assertThatThrownBy(() -> official.withFile(bad))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("2026-01-04")
                .hasMessageContaining("official-holidays.csv");
    }

    @Test
    void aDateListedTwiceInOneFileIsRejected() throws IOException {
        Path offTwice = file("twice.csv", """
                notice_year,date,kind,note
                2027,2027-01-01,off,元旦
                2027,2027-01-01,off,元旦
                """);
        assertThatThrownBy(() -> official.withFile(offTwice))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(offTwice.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("listed twice");
        Path offAndWork = file("both.csv", """
                notice_year,date,kind,note
                2027,2027-02-20,work,春节
                2027,2027-02-20,off,春节
                """);
        assertThatThrownBy(() -> official.withFile(offAndWork))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(offAndWork.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void malformedFilesAreRejectedWithFileAndLine() throws IOException {
        Path header = file("header.csv", "year,date,kind\n2027,2027-01-01,off,x\n");
        assertThatThrownBy(() -> official.withFile(header))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(header.toString()).hasMessageContaining("line 1")
                .hasMessageContaining("notice_year,date,kind,note");

        Path kind = file("kind.csv", "notice_year,date,kind,note\n2027,2027-01-01,holiday,元旦\n");
        assertThatThrownBy(() -> official.withFile(kind))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(kind.toString()).hasMessageContaining("line 2").hasMessageContaining("holiday");

        Path date = file("date.csv", "notice_year,date,kind,note\n2027,2027-02-30,off,春节\n");
        assertThatThrownBy(() -> official.withFile(date))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(date.toString()).hasMessageContaining("line 2").hasMessageContaining("2027-02-30");

        Path year = file("year.csv", "notice_year,date,kind,note\n27,2027-01-01,off,元旦\n");
        assertThatThrownBy(() -> official.withFile(year))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(year.toString()).hasMessageContaining("line 2");

        Path far = file("far.csv", "notice_year,date,kind,note\n2027,2025-01-01,off,元旦\n");
        assertThatThrownBy(() -> official.withFile(far))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(far.toString()).hasMessageContaining("line 2");

        Path columns = file("columns.csv", "notice_year,date,kind,note\n2027,2027-01-01\n");
        assertThatThrownBy(() -> official.withFile(columns))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(columns.toString()).hasMessageContaining("line 2");

        Path empty = file("empty.csv", "# nothing\n");
        assertThatThrownBy(() -> official.withFile(empty))
                .isInstanceOf(ContractException.class).hasMessageContaining(empty.toString());

        Path missing = dir.resolve("no-such-file.csv");
        assertThatThrownBy(() -> official.withFile(missing))
                .isInstanceOf(ContractException.class).hasMessageContaining(missing.toString());

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "notice_year,date,kind,note\n2027,2027-01-01,off,\u00e9t\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> official.withFile(latin1))
                .isInstanceOf(ContractException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void noteMayBeEmptyOrContainCommas() throws IOException {
        WorkingDayCalendar cal = official.withFile(file("notes.csv", """
                notice_year,date,kind,note
                2027,2027-01-01,off,
                2027,2027-10-01,off,"国庆节, 中秋节"
                2027,2027-10-09,work
                """));
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 10, 9))).isTrue();
    }
}
