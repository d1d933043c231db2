package org.fundguard.extract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The column types of extracts.md. {@link #parse} turns a trimmed, non-empty value into its
 * stored form (String, LocalDate, Integer month number, BigDecimal) or returns null when invalid;
 * {@link #reason} is the reject reason code for an invalid value.
 */
public enum FieldType {
    TEXT("BAD_TEXT"),
    /** Text that is trimmed and upper-cased before storing and matching (certificate_no). */
    UPPER_TEXT("BAD_TEXT"),
    DATE("BAD_DATE"),
    PERIOD("BAD_PERIOD"),
    AMOUNT("BAD_AMOUNT"),
    ENUM("BAD_ENUM"),
    /** One digit 1 to 5; anything else is BAD_ENUM. */
    LEVEL("BAD_ENUM"),
    PERSON_ID("BAD_PERSON_ID"),
    EMPLOYER_ID("BAD_EMPLOYER_ID"),
    REGION("BAD_REGION"),
    OCCUPATION("BAD_OCCUPATION"),
    PHONE("BAD_PHONE"),
    BANK_ACCOUNT("BAD_ACCOUNT");

    /** Periods start in 1999-01 (extracts.md). */
    public static final int FIRST_PERIOD = Months.of(1999, 1);

    private final String reason;

    FieldType(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /**
     * @param value trimmed and non-empty
     * @param column the column, for lengths and enum values
     * @param asOf the run's as-of date (person IDs may not be born after it)
     */
    public Object parse(String value, ColumnSpec column, LocalDate asOf) {
        return switch (this) {
            case TEXT -> value.codePointCount(0, value.length()) <= column.maxLength() ? value : null;
            case UPPER_TEXT -> {
                // upper-case first: the stored value is what must fit (ß becomes SS)
                String upper = value.toUpperCase(Locale.ROOT);
                yield upper.codePointCount(0, upper.length()) <= column.maxLength() ? upper : null;
            }
            case DATE -> parseDate(value);
            case PERIOD -> parsePeriod(value);
            case AMOUNT -> isAmount(value) ? new BigDecimal(value) : null;
            case ENUM -> {
                String upper = value.toUpperCase(Locale.ROOT);
                yield column.enumValues().contains(upper) ? upper : null;
            }
            case LEVEL -> value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '5'
                    ? Integer.valueOf(value.charAt(0) - '0') : null;
            case PERSON_ID -> Identifiers.normalisePersonId(value, asOf);
            case EMPLOYER_ID -> Identifiers.normaliseEmployerId(value);
            case REGION -> Identifiers.normaliseRegion(value);
            case OCCUPATION -> Identifiers.normaliseOccupation(value);
            case PHONE -> Identifiers.normalisePhone(value);
            case BANK_ACCOUNT -> Identifiers.normaliseBankAccount(value);
        };
    }

    /**
     * 1 to 12 ASCII digits, optionally a point and 1 or 2 digits (the former pattern
     * {@code [0-9]{1,12}(\\.[0-9]{1,2})?}, checked by hand: it runs for every amount of every row).
     */
    static boolean isAmount(String value) {
        int n = value.length();
        int i = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
        }
        if (i < 1 || i > 12) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != '.') {
            return false;
        }
        int decimals = n - i - 1;
        for (int j = i + 1; j < n; j++) {
            if (!isDigit(value.charAt(j))) {
                return false;
            }
        }
        return decimals >= 1 && decimals <= 2;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String value, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd, and a real calendar date. */
    public static LocalDate parseDate(String value) {
        int year;
        int month;
        int day;
        if (value.length() == 10 && (value.charAt(4) == '-' || value.charAt(4) == '/') && value.charAt(7) == value.charAt(4)) {
            year = digits(value, 0, 4);
            month = digits(value, 5, 2);
            day = digits(value, 8, 2);
        } else if (value.length() == 8) {
            year = digits(value, 0, 4);
            month = digits(value, 4, 2);
            day = digits(value, 6, 2);
        } else {
            return null;
        }
        // no year 0 in the calendar (LocalDate's year 0 is 1 BC; PostgreSQL's DATE refuses it and the COPY fails)
        if (year <= 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyy-MM or yyyyMM from 1999-01 on, as a month number (see {@link Months}). */
    public static Integer parsePeriod(String value) {
        int year;
        int month;
        if (value.length() == 7 && value.charAt(4) == '-') {
            year = digits(value, 0, 4);
            month = digits(value, 5, 2);
        } else if (value.length() == 6) {
            year = digits(value, 0, 4);
            month = digits(value, 4, 2);
        } else {
            return null;
        }
        if (year < 0 || month < 1 || month > 12) {
            return null;
        }
        int period = Months.of(year, month);
        return period >= FIRST_PERIOD ? period : null;
    }
}
