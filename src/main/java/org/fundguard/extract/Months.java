package org.fundguard.extract;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Months are stored as one integer, {@code year * 12 + (month - 1)}, so that "m − 11" and
 * "consecutive periods" are plain integer arithmetic in SQL that H2 and PostgreSQL share.
 */
public final class Months {
    private Months() {
    }

    public static int of(int year, int month) {
        return year * 12 + (month - 1);
    }

    public static int of(LocalDate date) {
        return of(date.getYear(), date.getMonthValue());
    }

    public static YearMonth toYearMonth(int months) {
        return YearMonth.of(Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
    }

    /** yyyy-MM. */
    public static String format(int months) {
        return toYearMonth(months).toString();
    }
}
