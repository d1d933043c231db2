package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The column types of extracts.md ("CSV conventions", "Columns"). */
class FieldTypeTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final ColumnSpec DATE = ColumnSpec.req("separation_date", FieldType.DATE);
    private static final ColumnSpec PERIOD = ColumnSpec.req("period", FieldType.PERIOD);
    private static final ColumnSpec AMOUNT = ColumnSpec.req("amount", FieldType.AMOUNT);
    private static final ColumnSpec LEVEL = ColumnSpec.req("level", FieldType.LEVEL);
    private static final ColumnSpec STATUS = Extract.CLAIMS.columns().get(Extract.CLAIMS.indexOf("status"));
    private static final ColumnSpec SUBSIDY_STATUS = Extract.SUBSIDIES.columns().get(Extract.SUBSIDIES.indexOf("status"));
    private static final ColumnSpec PERSON_NAME = Extract.CLAIMS.columns().get(Extract.CLAIMS.indexOf("person_name"));
    private static final ColumnSpec CERTIFICATE_NO = Extract.SUBSIDIES.columns().get(Extract.SUBSIDIES.indexOf("certificate_no"));

    private static Object parse(FieldType type, ColumnSpec column, String value) {
        return type.parse(value, column, AS_OF);
    }

    @Test
    void reasonCodesOfTheContract() {
        Map<FieldType, String> expected = Map.ofEntries(
                Map.entry(FieldType.TEXT, "BAD_TEXT"),
                Map.entry(FieldType.UPPER_TEXT, "BAD_TEXT"),
                Map.entry(FieldType.DATE, "BAD_DATE"),
                Map.entry(FieldType.PERIOD, "BAD_PERIOD"),
                Map.entry(FieldType.AMOUNT, "BAD_AMOUNT"),
                Map.entry(FieldType.ENUM, "BAD_ENUM"),
                Map.entry(FieldType.LEVEL, "BAD_ENUM"),
                Map.entry(FieldType.PERSON_ID, "BAD_PERSON_ID"),
                Map.entry(FieldType.EMPLOYER_ID, "BAD_EMPLOYER_ID"),
                Map.entry(FieldType.REGION, "BAD_REGION"),
                Map.entry(FieldType.OCCUPATION, "BAD_OCCUPATION"),
                Map.entry(FieldType.PHONE, "BAD_PHONE"),
                Map.entry(FieldType.BANK_ACCOUNT, "BAD_ACCOUNT"));
        assertEquals(FieldType.values().length, expected.size());
        for (FieldType type : FieldType.values()) {
            assertEquals(expected.get(type), type.reason(), type.name());
        }
    }

    // ---- dates ----

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01", "20250301", "2025/03/01"})
    void threeDateForms(String value) {
        assertEquals(LocalDate.of(2025, 3, 1), parse(FieldType.DATE, DATE, value));
        assertEquals(LocalDate.of(2025, 3, 1), FieldType.parseDate(value));
    }

    @Test
    void leapDays() {
        assertEquals(LocalDate.of(2024, 2, 29), FieldType.parseDate("2024-02-29"));
        assertEquals(LocalDate.of(2000, 2, 29), FieldType.parseDate("20000229"));
        assertNull(FieldType.parseDate("2023-02-29"));
        assertNull(FieldType.parseDate("1900/02/29"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "20250230", "2025/02/30", "2025-2-3", "2025/2/3", "2025-04-31", "2025-00-10",
            "2025-13-01", "2025-01-00", "2025-01-32", "2025.03.01", "01/03/2025", "03/01/2025", "2025-03-01T00:00",
            "2025-0301", "2025/03-01", "202531", "25-03-01", "２０２５-03-01", "2025-03", "yesterday"})
    void invalidDates(String value) {
        assertNull(parse(FieldType.DATE, DATE, value), value);
    }

    // ---- periods ----

    @ParameterizedTest
    @ValueSource(strings = {"2025-03", "202503"})
    void twoPeriodForms(String value) {
        Object period = parse(FieldType.PERIOD, PERIOD, value);
        assertEquals(Months.of(2025, 3), period);
        assertEquals(2025 * 12 + 2, period); // year*12 + month-1
    }

    @Test
    void periodsStartInJanuary1999() {
        assertEquals(1999 * 12, FieldType.parsePeriod("1999-01"));
        assertEquals(1999 * 12, FieldType.parsePeriod("199901"));
        assertNull(FieldType.parsePeriod("1998-12"));
        assertNull(FieldType.parsePeriod("199812"));
        assertNull(FieldType.parsePeriod("1970-01"));
        assertEquals(Months.of(1999, 1), FieldType.FIRST_PERIOD);
    }

    @Test
    void periodsAfterTheAsOfMonthAreStillValid() {
        // "loaded but ignored by the rules": parsing does not depend on the as-of date
        assertEquals(Months.of(2030, 1), parse(FieldType.PERIOD, PERIOD, "2030-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-00", "202513", "202500", "2025-3", "2025/03", "20253", "2025-03-01", "25-03",
            "2025–03", "March 2025"})
    void invalidPeriods(String value) {
        assertNull(parse(FieldType.PERIOD, PERIOD, value), value);
    }

    @Test
    void monthNumbers() {
        assertEquals(2025 * 12 + 11, Months.of(2025, 12));
        assertEquals(Months.of(2025, 1), Months.of(2024, 12) + 1);
        assertEquals(Months.of(2025, 3), Months.of(LocalDate.of(2025, 3, 31)));
        assertEquals(YearMonth.of(2025, 3), Months.toYearMonth(Months.of(2025, 3)));
        assertEquals(YearMonth.of(2024, 12), Months.toYearMonth(Months.of(2025, 1) - 1));
        assertEquals("1999-01", Months.format(Months.of(1999, 1)));
        assertEquals("2025-12", Months.format(Months.of(2025, 12)));
    }

    // ---- amounts ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "12.5", "12.50", "999999999999.99", "999999999999", "0.01", "007", "1850.00"})
    void validAmountsAreExactDecimals(String value) {
        Object amount = parse(FieldType.AMOUNT, AMOUNT, value);
        assertInstanceOf(BigDecimal.class, amount, value);
        assertEquals(new BigDecimal(value), amount);
    }

    @Test
    void amountsKeepExactValues() {
        BigDecimal a = (BigDecimal) parse(FieldType.AMOUNT, AMOUNT, "0.1");
        BigDecimal b = (BigDecimal) parse(FieldType.AMOUNT, AMOUNT, "0.2");
        assertEquals(0, new BigDecimal("0.3").compareTo(a.add(b)));
        assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) parse(FieldType.AMOUNT, AMOUNT, "12.50")));
        assertEquals("999999999999.99", ((BigDecimal) parse(FieldType.AMOUNT, AMOUNT, "999999999999.99")).toPlainString());
    }

    @ParameterizedTest
    @ValueSource(strings = {".5", "+5", "1e3", "1E3", "1.234", "-1", "-0", "1,000", "1234567890123", "12.", "1.2.3",
            "1_000", "0x10", "NaN", "Infinity", "５", "12.5元", "¥12.5", "1 000"})
    void invalidAmounts(String value) {
        assertNull(parse(FieldType.AMOUNT, AMOUNT, value), value);
    }

    // ---- enums ----

    @ParameterizedTest
    @ValueSource(strings = {"RECEIVED", "received", "Received", "rEcEiVeD"})
    void enumsAreCaseInsensitiveAndStoredUpperCase(String value) {
        assertEquals("RECEIVED", parse(FieldType.ENUM, STATUS, value));
    }

    @Test
    void enumValuesOfAnotherColumnAreInvalid() {
        assertEquals("PAID", parse(FieldType.ENUM, SUBSIDY_STATUS, "paid"));
        assertNull(parse(FieldType.ENUM, STATUS, "PAID"));
        assertNull(parse(FieldType.ENUM, STATUS, "RECEIVE"));
        assertNull(parse(FieldType.ENUM, STATUS, "RECEIVED_"));
        assertNull(parse(FieldType.ENUM, STATUS, "已受理"));
    }

    @Test
    void enumMatchingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("PAID", parse(FieldType.ENUM, SUBSIDY_STATUS, "paid"));
            assertEquals("WITHDRAWN", parse(FieldType.ENUM, STATUS, "withdrawn"));
            assertEquals("ZJ2023-IT", parse(FieldType.UPPER_TEXT, CERTIFICATE_NO, "zj2023-it"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    // ---- level: int 1–5 ----

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void levelsOneToFive(int level) {
        assertEquals(level, parse(FieldType.LEVEL, LEVEL, Integer.toString(level)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "04", "01", "1.0", "10", "-1", "+1", "１", "一", "I"})
    void invalidLevelsAreBadEnum(String value) {
        assertNull(parse(FieldType.LEVEL, LEVEL, value), value);
        assertEquals("BAD_ENUM", FieldType.LEVEL.reason());
    }

    // ---- text ----

    @Test
    void textLengthIsCountedInCharacters() {
        String fifty = "张".repeat(50);
        assertEquals(150, fifty.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(fifty, parse(FieldType.TEXT, PERSON_NAME, fifty));
        assertNull(parse(FieldType.TEXT, PERSON_NAME, fifty + "三"));
        assertEquals("BAD_TEXT", PERSON_NAME.type().reason());
    }

    @Test
    void supplementaryCharactersCountAsOneCharacter() {
        // rare name characters (CJK extension B) are one character each, two UTF-16 units
        String fifty = "𠮷".repeat(50);
        assertEquals(100, fifty.length());
        assertEquals(fifty, parse(FieldType.TEXT, PERSON_NAME, fifty));
        assertNull(parse(FieldType.TEXT, PERSON_NAME, fifty + "𠮷"));
    }

    @Test
    void textIsStoredAsIs() {
        assertEquals("Zhang San", parse(FieldType.TEXT, PERSON_NAME, "Zhang San"));
    }

    @Test
    void certificateNumbersAreUpperCased() {
        assertEquals(FieldType.UPPER_TEXT, CERTIFICATE_NO.type());
        assertEquals(40, CERTIFICATE_NO.maxLength());
        assertEquals("S000021000001234Y", parse(FieldType.UPPER_TEXT, CERTIFICATE_NO, "s000021000001234y"));
        assertEquals("A".repeat(40), parse(FieldType.UPPER_TEXT, CERTIFICATE_NO, "a".repeat(40)));
        assertNull(parse(FieldType.UPPER_TEXT, CERTIFICATE_NO, "a".repeat(41)));
        assertEquals("BAD_TEXT", FieldType.UPPER_TEXT.reason());
    }

    @Test
    void upperCasedCertificateNumberStaysWithinItsLength() {
        Object stored = parse(FieldType.UPPER_TEXT, CERTIFICATE_NO, "ß".repeat(21));
        if (stored != null) {
            String s = (String) stored;
            assertTrue(s.codePointCount(0, s.length()) <= 40, s);
        }
    }

    // ---- identifier types delegate to Identifiers ----

    @Test
    void identifierTypes() {
        ColumnSpec any = ColumnSpec.req("x", FieldType.TEXT);
        assertEquals("11010519491231002X", FieldType.PERSON_ID.parse("11010519491231002x", any, AS_OF));
        assertNull(FieldType.PERSON_ID.parse("11010519491231002X", any, LocalDate.of(1949, 12, 30)));
        assertEquals("91350100M000100Y43", FieldType.EMPLOYER_ID.parse("91350100m000100y43", any, AS_OF));
        assertEquals("210102", FieldType.REGION.parse("210102", any, AS_OF));
        assertNull(FieldType.REGION.parse("990101", any, AS_OF));
        assertEquals("6-29-01-01-02", FieldType.OCCUPATION.parse("6-29-01-01-02", any, AS_OF));
        assertEquals("13812345678", FieldType.PHONE.parse("+86 138-1234-5678", any, AS_OF));
        assertEquals("6222021234567890123", FieldType.BANK_ACCOUNT.parse("6222 0212 3456 7890 123", any, AS_OF));
    }
}
