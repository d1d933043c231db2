package org.fundguard.generator;

import java.time.LocalDate;
import java.time.YearMonth;

/** Month numbers (year × 12 + month − 1) and fast date / period formatting. */
final class Dates {
    private Dates() {
    }

    static int month(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    static LocalDate first(int month) {
        return LocalDate.of(month / 12, month % 12 + 1, 1);
    }

    static LocalDate last(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).atEndOfMonth();
    }

    static int length(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).lengthOfMonth();
    }

    static String period(int month) {
        int y = month / 12;
        int m = month % 12 + 1;
        return y + (m < 10 ? "-0" : "-") + m;
    }

    /** yyyyMM. */
    static String periodCompact(int month) {
        int y = month / 12;
        int m = month % 12 + 1;
        return y + (m < 10 ? "0" : "") + m;
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** yyyyMMdd. */
    static String compact(LocalDate d) {
        return d.toString().replace("-", "");
    }

    /** yyyy/MM/dd. */
    static String slashed(LocalDate d) {
        return d.toString().replace('-', '/');
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Cents as a decimal with two places: 123456 → "1234.56". */
    static String money(long cents) {
        long y = cents / 100;
        long c = cents % 100;
        return y + (c < 10 ? ".0" : ".") + c;
    }
}
