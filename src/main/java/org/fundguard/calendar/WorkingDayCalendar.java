package org.fundguard.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.run.ContractException;

/**
 * The official working-day calendar (SVC-01): Monday to Friday, minus the official public holidays,
 * plus the official adjusted working days (调休上班日), from the State Council's yearly holiday
 * notices.
 *
 * <p>A calendar year is <em>covered</em> when the notice for that year is loaded (the
 * {@code notice_year} column). The calendar never guesses: classifying a day of a year that is not
 * covered throws a {@link ContractException} naming the year. Note that the 2023 notice also moves
 * 2022-12-31; that date is stored, but 2022 itself is not covered, so classifying it still throws.
 *
 * <p>Immutable and thread-safe. For every covered year a prefix count of working days by day of year
 * and the list of its working days are precomputed, so {@link #isWorkingDay} is O(1) and
 * {@link #addWorkingDays} and {@link #workingDaysBetween} are O(number of years spanned).
 */
public final class WorkingDayCalendar {

    /** Classpath resource of the shipped calendar. */
    static final String OFFICIAL_RESOURCE = "calendar/official-holidays.csv";

    /** All entries by date, across all loaded files (never modified after construction). */
    private final TreeMap<LocalDate, HolidayNoticeFile.Entry> entries;
    private final SortedSet<Integer> years;
    /** Tables of covered years, indexed by {@code year - minYear}; null for an uncovered year. */
    private final YearTable[] tables;
    private final int minYear;

    private WorkingDayCalendar(TreeMap<LocalDate, HolidayNoticeFile.Entry> entries, TreeSet<Integer> noticeYears) {
        this.entries = entries;
        this.years = Collections.unmodifiableSortedSet(noticeYears);
        if (noticeYears.isEmpty()) {
            this.minYear = 0;
            this.tables = new YearTable[0];
        } else {
            this.minYear = noticeYears.first();
            this.tables = new YearTable[noticeYears.last() - minYear + 1];
            for (int y : noticeYears) {
                tables[y - minYear] = new YearTable(y, entries);
            }
        }
    }

    private static final class OfficialHolder {
        static final WorkingDayCalendar OFFICIAL = loadOfficial();
    }

    private static WorkingDayCalendar loadOfficial() {
        InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(OFFICIAL_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + OFFICIAL_RESOURCE + " is missing");
        }
        List<HolidayNoticeFile.Entry> rows = HolidayNoticeFile.parse(in, OFFICIAL_RESOURCE);
        return new WorkingDayCalendar(new TreeMap<>(), new TreeSet<>()).plus(rows);
    }

    /** The shipped calendar (classpath calendar/official-holidays.csv): notices for 2023–2026. */
    public static WorkingDayCalendar official() {
        return OfficialHolder.OFFICIAL;
    }

    /**
     * This calendar plus the entries of a file in the same format (e.g. the 2027 notice). A year in
     * the file replaces nothing, it adds. An entry identical in kind to one already loaded for the same
     * date is accepted (so a file repeating an already loaded notice is harmless); the same date as
     * {@code off} in one and {@code work} in the other is a {@link ContractException} naming the file
     * and line. Any format problem of the file is a {@link ContractException} naming file and line.
     */
    public WorkingDayCalendar withFile(Path file) {
        List<HolidayNoticeFile.Entry> rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = HolidayNoticeFile.parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ContractException("holiday calendar file " + file + " does not exist");
        } catch (IOException e) {
            throw new ContractException("cannot read holiday calendar file " + file + ": " + e.getMessage());
        }
        return plus(rows);
    }

    private WorkingDayCalendar plus(List<HolidayNoticeFile.Entry> rows) {
        TreeMap<LocalDate, HolidayNoticeFile.Entry> merged = new TreeMap<>(entries);
        TreeSet<Integer> noticeYears = new TreeSet<>(years);
        for (HolidayNoticeFile.Entry e : rows) {
            HolidayNoticeFile.Entry existing = merged.putIfAbsent(e.date(), e);
            if (existing != null && existing.work() != e.work()) {
                throw new ContractException("holiday calendar file " + e.source() + ": date " + e.date()
                        + " is " + e.kind() + " but the calendar already has it as " + existing.kind()
                        + " (" + existing.source() + ")");
            }
            noticeYears.add(e.noticeYear());
        }
        return new WorkingDayCalendar(merged, noticeYears);
    }

    // ---- queries -------------------------------------------------------------------------------

    /** Years for which a notice is loaded (the notice year column), e.g. [2023, 2024, 2025, 2026]. */
    public SortedSet<Integer> years() {
        return years;
    }

    public boolean covers(int year) {
        return table(year) != null;
    }

    /**
     * Whether {@code date} is a working day. Throws {@link ContractException} ("the working-day
     * calendar has no holiday notice for 2027; ...") when the date's calendar year is not covered.
     */
    public boolean isWorkingDay(LocalDate date) {
        YearTable t = required(date.getYear());
        int doy = date.getDayOfYear();
        return t.cum[doy] != t.cum[doy - 1];
    }

    /**
     * The n-th working day after {@code from} ({@code from} itself not counted), n >= 1; n = 0 returns
     * {@code from} itself. Only the days after {@code from} up to the result are classified, so each of
     * their years must be covered ({@link ContractException} naming the first one that is not);
     * {@code from}'s own year need not be covered when {@code from} is 31 December.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0 but was " + n);
        }
        if (n == 0) {
            return from;
        }
        int remaining = n;
        int year = from.getYear();
        int after = from.getDayOfYear(); // days of `year` with day-of-year > after are still ahead
        while (true) {
            int length = Year.isLeap(year) ? 366 : 365;
            if (after < length) {
                YearTable t = required(year);
                int ahead = t.total() - t.cum[after];
                if (remaining <= ahead) {
                    return LocalDate.ofYearDay(year, t.workingDoys[t.cum[after] + remaining - 1]);
                }
                remaining -= ahead;
            }
            year++;
            after = 0;
        }
    }

    /**
     * Number of working days in the half-open interval (a, b]; 0 when b <= a. Every year with a day
     * in (a, b] must be covered ({@link ContractException} naming the first one that is not).
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (!b.isAfter(a)) {
            return 0;
        }
        int count = 0;
        int lastYear = b.getYear();
        for (int y = a.getYear(); y <= lastYear; y++) {
            int lo = y == a.getYear() ? a.getDayOfYear() : 0;
            int hi = y == lastYear ? b.getDayOfYear() : (Year.isLeap(y) ? 366 : 365);
            if (hi > lo) {
                YearTable t = required(y);
                count += t.cum[hi] - t.cum[lo];
            }
        }
        return count;
    }

    /**
     * The first year, walking from {@code from}'s year to {@code to}'s year inclusive (in whichever
     * direction that is), that the calendar does not cover, or empty.
     */
    public OptionalInt firstMissingYear(LocalDate from, LocalDate to) {
        int start = from.getYear();
        int end = to.getYear();
        int step = end >= start ? 1 : -1;
        for (int y = start; ; y += step) {
            if (!covers(y)) {
                return OptionalInt.of(y);
            }
            if (y == end) {
                return OptionalInt.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years;
    }

    // ---- internals -----------------------------------------------------------------------------

    private YearTable table(int year) {
        int i = year - minYear;
        return i >= 0 && i < tables.length ? tables[i] : null;
    }

    private YearTable required(int year) {
        YearTable t = table(year);
        if (t == null) {
            throw missingYear(year);
        }
        return t;
    }

    static ContractException missingYear(int year) {
        return new ContractException("the working-day calendar has no holiday notice for " + year
                + "; add the State Council's " + year + " holiday notice as an extra calendar file"
                + " (same format as " + OFFICIAL_RESOURCE + ": notice_year,date,kind,note)");
    }

    /** Per-year precomputation: prefix counts by day of year and the working days' days of year. */
    private static final class YearTable {
        /** cum[k] = number of working days with day-of-year in 1..k; cum[0] = 0. */
        final int[] cum;
        /** Days of year of the working days, ascending. */
        final int[] workingDoys;

        YearTable(int year, TreeMap<LocalDate, HolidayNoticeFile.Entry> entries) {
            int length = Year.isLeap(year) ? 366 : 365;
            boolean[] working = new boolean[length + 1];
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            int dow = jan1.getDayOfWeek().getValue(); // 1 = Monday .. 7 = Sunday
            for (int doy = 1; doy <= length; doy++) {
                working[doy] = dow <= DayOfWeek.FRIDAY.getValue();
                dow = dow == 7 ? 1 : dow + 1;
            }
            for (HolidayNoticeFile.Entry e : entries.subMap(jan1, true, LocalDate.of(year, 12, 31), true).values()) {
                working[e.date().getDayOfYear()] = e.work();
            }
            cum = new int[length + 1];
            int n = 0;
            for (int doy = 1; doy <= length; doy++) {
                if (working[doy]) {
                    n++;
                }
                cum[doy] = n;
            }
            workingDoys = new int[n];
            int k = 0;
            for (int doy = 1; doy <= length; doy++) {
                if (working[doy]) {
                    workingDoys[k++] = doy;
                }
            }
        }

        int total() {
            return workingDoys.length;
        }
    }
}
