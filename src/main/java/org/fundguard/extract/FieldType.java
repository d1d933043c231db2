package org.fundguard.extract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern AMOUNT_PATTERN = Pattern.compile("^[0-9]{1,12}(\\.[0-9]{1,2})?$");
    private static final Pattern DATE_DASH = Pattern.compile("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
    private static final Pattern DATE_SLASH = Pattern.compile("^([0-9]{4})/([0-9]{2})/([0-9]{2})$");
    private static final Pattern DATE_PLAIN = Pattern.compile("^([0-9]{4})([0-9]{2})([0-9]{2})$");
    private static final Pattern PERIOD_DASH = Pattern.compile("^([0-9]{4})-([0-9]{2})$");
    private static final Pattern PERIOD_PLAIN = Pattern.compile("^([0-9]{4})([0-9]{2})$");
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
            case AMOUNT -> AMOUNT_PATTERN.matcher(value).matches() ? new BigDecimal(value) : null;
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

    /** yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd, and a real calendar date. */
    public static LocalDate parseDate(String value) {
        var m = DATE_DASH.matcher(value);
        if (!m.matches()) {
            m = DATE_PLAIN.matcher(value);
            if (!m.matches()) {
                m = DATE_SLASH.matcher(value);
                if (!m.matches()) {
                    return null;
                }
            }
        }
        try {
            int year = Integer.parseInt(m.group(1));
            // no year 0 in the calendar (LocalDate's year 0 is 1 BC; PostgreSQL's DATE refuses it and the COPY fails)
            return year == 0 ? null : LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyy-MM or yyyyMM from 1999-01 on, as a month number (see {@link Months}). */
    public static Integer parsePeriod(String value) {
        var m = PERIOD_DASH.matcher(value);
        if (!m.matches()) {
            m = PERIOD_PLAIN.matcher(value);
            if (!m.matches()) {
                return null;
            }
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return null;
        }
        int period = Months.of(Integer.parseInt(m.group(1)), month);
        return period >= FIRST_PERIOD ? period : null;
    }
}
