package org.fundguard.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The official working-day calendar of calendar.md (2023–2026), used to place decisions on working
 * days and to plant SVC-01 cases exactly at their deadlines. Outside the covered years: Monday–Friday.
 */
final class WorkCalendar {
    private static final String[] OFF = {
        "2022-12-31", "2023-01-01", "2023-01-02", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24",
        "2023-01-25", "2023-01-26", "2023-01-27", "2023-04-05", "2023-04-29", "2023-04-30", "2023-05-01",
        "2023-05-02", "2023-05-03", "2023-06-22", "2023-06-23", "2023-06-24", "2023-09-29", "2023-09-30",
        "2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06",
        "2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
        "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06", "2024-05-01", "2024-05-02",
        "2024-05-03", "2024-05-04", "2024-05-05", "2024-06-10", "2024-09-15", "2024-09-16", "2024-09-17",
        "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07",
        "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
        "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02",
        "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01",
        "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
        "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
        "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05",
        "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-06-19",
        "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
        "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
    };
    private static final String[] WORK = {
        "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
        "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
        "2024-10-12",
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    };
    private static final Set<LocalDate> OFF_DAYS = parse(OFF);
    private static final Set<LocalDate> WORK_DAYS = parse(WORK);

    private WorkCalendar() {
    }

    private static Set<LocalDate> parse(String[] days) {
        Set<LocalDate> s = new HashSet<>();
        for (String d : days) {
            s.add(LocalDate.parse(d));
        }
        return s;
    }

    static boolean isWorkingDay(LocalDate d) {
        if (WORK_DAYS.contains(d)) {
            return true;
        }
        if (OFF_DAYS.contains(d)) {
            return false;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after d (d itself not counted); d when n is 0. */
    static LocalDate addWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        int left = n;
        while (left > 0) {
            x = x.plusDays(1);
            if (isWorkingDay(x)) {
                left--;
            }
        }
        return x;
    }

    /** SVC-01 deadline: the 10th working day after the application day. */
    static LocalDate deadline(LocalDate application) {
        return addWorkingDays(application, 10);
    }

    /** The latest working day on or before d. */
    static LocalDate onOrBefore(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }
}
