package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-record validation of extracts.md ("Bad rows", "Columns"), for each of the seven extracts. */
class RowValidatorTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    /** Digit 17 = 1: a man. */
    private static final String MAN = IdentifiersTest.personId("210102", "19800101", "001");
    /** Digit 17 = 2: a woman. */
    private static final String WOMAN = IdentifiersTest.personId("210102", "19850505", "002");
    private static final String EMPLOYER = IdentifiersTest.creditCode("91210102MA0000001");
    private static final String OTHER_EMPLOYER = IdentifiersTest.creditCode("91210100MA0000002");

    // ---- test rows ----

    /** A valid row of each extract, by contract column name. */
    private static Map<String, String> validRow(Extract extract) {
        Map<String, String> row = new LinkedHashMap<>();
        switch (extract) {
            case EMPLOYERS -> {
                row.put("employer_id", EMPLOYER);
                row.put("employer_name", "沈阳市和平区某某机械有限公司");
                row.put("region_code", "210102");
                row.put("enrolled_on", "2010-01-01");
            }
            case CONTRIBUTIONS -> {
                row.put("person_id", MAN);
                row.put("employer_id", EMPLOYER);
                row.put("period", "2025-03");
                row.put("region_code", "210102");
                row.put("wage_base", "5000.00");
                row.put("amount", "250.00");
            }
            case CLAIMS -> {
                row.put("claim_id", "SY2025040100001");
                row.put("person_id", MAN);
                row.put("person_name", "张三");
                row.put("region_code", "210102");
                row.put("last_employer_id", EMPLOYER);
                row.put("separation_date", "2025-03-31");
                row.put("separation_reason", "CONTRACT_EXPIRED");
                row.put("application_date", "2025-04-10");
                row.put("status", "APPROVED");
                row.put("decision_date", "2025-04-20");
                row.put("reject_reason", "");
                row.put("benefit_start", "2025-05-01");
                row.put("benefit_end", "2026-04-30");
                row.put("monthly_benefit", "1850.00");
                row.put("retirement_category", "M60");
                row.put("phone", "13812345678");
                row.put("bank_account", "6222021234567890123");
                row.put("registered_unemployed", "Y");
            }
            case SUBSIDIES -> {
                row.put("application_id", "JN2025010001");
                row.put("person_id", MAN);
                row.put("applicant_type", "EMPLOYEE");
                row.put("employer_id", EMPLOYER);
                row.put("region_code", "210102");
                row.put("job_occupation_code", "6-29-01-01");
                row.put("certificate_no", "S000021000001234Y");
                row.put("certificate_type", "SKILL_LEVEL");
                row.put("occupation_code", "6-29-01-01-02");
                row.put("level", "4");
                row.put("issue_date", "2024-12-01");
                row.put("issuing_org_id", "Y210100000001");
                row.put("amount", "1500");
                row.put("application_date", "2025-01-15");
                row.put("status", "PAID");
                row.put("paid_date", "2025-02-01");
            }
            case CERTIFICATES -> {
                row.put("certificate_no", "S000021000001234Y");
                row.put("person_id", MAN);
                row.put("certificate_type", "QUALIFICATION");
                row.put("occupation_code", "6-29-01-01");
                row.put("level", "3");
                row.put("issue_date", "2024-12-01");
                row.put("issuing_org_id", "Y210100000001");
                row.put("issuing_region_code", "210100");
                row.put("status", "VALID");
            }
            case REGISTRATIONS -> {
                row.put("person_id", MAN);
                row.put("region_code", "210102");
                row.put("registered_on", "2025-04-05");
                row.put("ended_on", "2025-12-31");
            }
            case MEDICAL -> {
                row.put("person_id", MAN);
                row.put("period", "2025-05");
                row.put("payer", "AGENCY");
                row.put("amount", "320.50");
                row.put("region_code", "210102");
            }
        }
        assertEquals(extract.columns().stream().map(ColumnSpec::name).toList(), List.copyOf(row.keySet()));
        return row;
    }

    /** A valid row with some columns replaced: with(CLAIMS, "status", "PAYING", "phone", "x"). */
    private static Map<String, String> with(Extract extract, String... columnValue) {
        Map<String, String> row = validRow(extract);
        for (int i = 0; i < columnValue.length; i += 2) {
            assertTrue(row.containsKey(columnValue[i]), columnValue[i]);
            row.put(columnValue[i], columnValue[i + 1]);
        }
        return row;
    }

    /** Validates a row of a file whose header is the contract columns in contract order. */
    private static RowValidator.Result validate(Extract extract, Map<String, String> row) {
        int n = extract.columns().size();
        int[] fieldOfColumn = new int[n];
        Arrays.setAll(fieldOfColumn, i -> i);
        List<String> fields = extract.columns().stream().map(c -> row.get(c.name())).toList();
        return new RowValidator(extract, fieldOfColumn, n, AS_OF).validate(fields);
    }

    private static RowValidator.Result validate(Extract extract, String... columnValue) {
        return validate(extract, with(extract, columnValue));
    }

    private static Object value(Extract extract, RowValidator.Result result, String column) {
        assertFalse(result.rejected(), () -> "rejected: " + result.issues());
        return result.values()[extract.indexOf(column)];
    }

    private static void assertError(RowValidator.Result result, String reason, String column) {
        assertTrue(result.rejected(), () -> "not rejected, issues " + result.issues());
        assertNull(result.values());
        assertEquals(1, result.issues().size(), () -> "one reject line per rejected row: " + result.issues());
        Issue issue = result.issues().get(0);
        assertEquals(Issue.Severity.ERROR, issue.severity(), issue::toString);
        assertEquals(reason, issue.reason(), issue::toString);
        assertEquals(column, issue.column(), issue::toString);
        assertNotNull(issue.message());
        assertFalse(issue.message().isBlank());
    }

    private static void assertLoaded(RowValidator.Result result) {
        assertFalse(result.rejected(), () -> "rejected: " + result.issues());
        assertEquals(List.of(), result.issues());
    }

    /** Loaded, with exactly these WARN lines (reason, column, reason, column, ...) in this order. */
    private static void assertWarnings(RowValidator.Result result, String... reasonColumn) {
        assertFalse(result.rejected(), () -> "rejected: " + result.issues());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < reasonColumn.length; i += 2) {
            expected.add("WARN " + reasonColumn[i] + " " + reasonColumn[i + 1]);
        }
        assertEquals(expected, result.issues().stream().map(x -> x.severity() + " " + x.reason() + " " + x.column()).toList());
    }

    /** An invalid value of a column's type, and the reason code it must produce. */
    private static String[] invalid(ColumnSpec column) {
        String wrongPersonCheck = MAN.substring(0, 17) + (MAN.charAt(17) == '0' ? '1' : '0');
        String wrongEmployerCheck = EMPLOYER.substring(0, 17) + (EMPLOYER.charAt(17) == '0' ? '1' : '0');
        return switch (column.type()) {
            case TEXT, UPPER_TEXT -> new String[] {"x".repeat(column.maxLength() + 1), "BAD_TEXT"};
            case DATE -> new String[] {"2025-02-30", "BAD_DATE"};
            case PERIOD -> new String[] {"2025-13", "BAD_PERIOD"};
            case AMOUNT -> new String[] {"1e3", "BAD_AMOUNT"};
            case ENUM -> new String[] {"NOPE", "BAD_ENUM"};
            case LEVEL -> new String[] {"04", "BAD_ENUM"};
            case PERSON_ID -> new String[] {wrongPersonCheck, "BAD_PERSON_ID"};
            case EMPLOYER_ID -> new String[] {wrongEmployerCheck, "BAD_EMPLOYER_ID"};
            case REGION -> new String[] {"990101", "BAD_REGION"};
            case OCCUPATION -> new String[] {"9-29-01-01", "BAD_OCCUPATION"};
            case PHONE -> new String[] {"23812345678", "BAD_PHONE"};
            case BANK_ACCOUNT -> new String[] {"12345678901", "BAD_ACCOUNT"};
        };
    }

    static Stream<Arguments> requiredColumns() {
        return Arrays.stream(Extract.values()).flatMap(e -> e.columns().stream()
                .filter(ColumnSpec::required).map(c -> Arguments.of(e, c.name())));
    }

    static Stream<Arguments> optionalColumns() {
        return Arrays.stream(Extract.values()).flatMap(e -> e.columns().stream()
                .filter(c -> !c.required()).map(c -> Arguments.of(e, c.name())));
    }

    // ---- the contract's columns ----

    @Test
    void columnsAreTheContractTablesInOrder() {
        Map<Extract, List<String>> expected = Map.of(
                Extract.EMPLOYERS, List.of("employer_id EMPLOYER_ID req", "employer_name TEXT(200) req",
                        "region_code REGION req", "enrolled_on DATE opt"),
                Extract.CONTRIBUTIONS, List.of("person_id PERSON_ID req", "employer_id EMPLOYER_ID req",
                        "period PERIOD req", "region_code REGION req", "wage_base AMOUNT req", "amount AMOUNT req"),
                Extract.CLAIMS, List.of("claim_id TEXT(40) req", "person_id PERSON_ID req", "person_name TEXT(50) req",
                        "region_code REGION req", "last_employer_id EMPLOYER_ID req", "separation_date DATE req",
                        "separation_reason ENUM[CONTRACT_EXPIRED, EMPLOYER_CLOSED, EMPLOYER_TERMINATED, MUTUAL_AGREEMENT, OTHER_INVOLUNTARY, VOLUNTARY] req",
                        "application_date DATE req",
                        "status ENUM[APPROVED, ENDED, PAYING, RECEIVED, REJECTED, SUSPENDED, WITHDRAWN] req",
                        "decision_date DATE opt", "reject_reason TEXT(500) opt", "benefit_start DATE opt",
                        "benefit_end DATE opt", "monthly_benefit AMOUNT opt", "retirement_category ENUM[F50, F55, M60] opt",
                        "phone PHONE opt", "bank_account BANK_ACCOUNT opt", "registered_unemployed ENUM[N, Y] opt"),
                Extract.SUBSIDIES, List.of("application_id TEXT(40) req", "person_id PERSON_ID req",
                        "applicant_type ENUM[CLAIMANT, EMPLOYEE] req", "employer_id EMPLOYER_ID opt", "region_code REGION req",
                        "job_occupation_code OCCUPATION opt", "certificate_no UPPER_TEXT(40) req",
                        "certificate_type ENUM[QUALIFICATION, SKILL_LEVEL] req", "occupation_code OCCUPATION req",
                        "level LEVEL req", "issue_date DATE req", "issuing_org_id TEXT(40) req", "amount AMOUNT req",
                        "application_date DATE req", "status ENUM[PAID, RECEIVED, REJECTED] req", "paid_date DATE opt"),
                Extract.CERTIFICATES, List.of("certificate_no UPPER_TEXT(40) req", "person_id PERSON_ID req",
                        "certificate_type ENUM[QUALIFICATION, SKILL_LEVEL] req", "occupation_code OCCUPATION req",
                        "level LEVEL req", "issue_date DATE req", "issuing_org_id TEXT(40) req",
                        "issuing_region_code REGION req", "status ENUM[REVOKED, VALID] req"),
                Extract.REGISTRATIONS, List.of("person_id PERSON_ID req", "region_code REGION req",
                        "registered_on DATE req", "ended_on DATE opt"),
                Extract.MEDICAL, List.of("person_id PERSON_ID req", "period PERIOD req", "payer ENUM[AGENCY, SELF] req",
                        "amount AMOUNT req", "region_code REGION req"));
        for (Extract extract : Extract.values()) {
            List<String> actual = extract.columns().stream().map(c -> c.name() + " " + c.type()
                    + (c.type() == FieldType.TEXT || c.type() == FieldType.UPPER_TEXT ? "(" + c.maxLength() + ")" : "")
                    + (c.type() == FieldType.ENUM ? new TreeSet<>(c.enumValues()).toString() : "")
                    + (c.required() ? " req" : " opt")).toList();
            assertEquals(expected.get(extract), actual, extract.name());
        }
    }

    @Test
    void filesKeysAndRequiredExtractsOfTheContract() {
        assertEquals("employers.csv", Extract.EMPLOYERS.fileName());
        assertEquals("contributions.csv", Extract.CONTRIBUTIONS.fileName());
        assertEquals("claims.csv", Extract.CLAIMS.fileName());
        assertEquals("subsidies.csv", Extract.SUBSIDIES.fileName());
        assertEquals("certificates.csv", Extract.CERTIFICATES.fileName());
        assertEquals("registrations.csv", Extract.REGISTRATIONS.fileName());
        assertEquals("medical.csv", Extract.MEDICAL.fileName());
        assertEquals(Set.of(Extract.EMPLOYERS, Extract.CONTRIBUTIONS, Extract.CLAIMS),
                Set.copyOf(Arrays.stream(Extract.values()).filter(Extract::required).toList()));
        assertEquals(List.of("employer_id"), Extract.EMPLOYERS.key());
        assertEquals(List.of("person_id", "employer_id", "period"), Extract.CONTRIBUTIONS.key());
        assertEquals(List.of("claim_id"), Extract.CLAIMS.key());
        assertEquals(List.of("application_id"), Extract.SUBSIDIES.key());
        assertEquals(List.of("certificate_no"), Extract.CERTIFICATES.key());
        assertEquals(List.of("person_id", "registered_on"), Extract.REGISTRATIONS.key());
        assertEquals(List.of("person_id", "period", "payer"), Extract.MEDICAL.key());
    }

    // ---- valid rows and typed values ----

    @ParameterizedTest
    @EnumSource(Extract.class)
    void validRowsAreLoadedWithoutIssues(Extract extract) {
        RowValidator.Result result = validate(extract, validRow(extract));
        assertLoaded(result);
        assertEquals(extract.columns().size(), result.values().length);
    }

    @Test
    void claimValuesAreTyped() {
        RowValidator.Result result = validate(Extract.CLAIMS, "separation_reason", "contract_expired", "status", "approved",
                "phone", "+86 138-1234-5678", "bank_account", "6222 0212 3456 7890 123", "registered_unemployed", "y",
                "retirement_category", "m60", "person_name", "  张三 ");
        assertLoaded(result);
        Extract c = Extract.CLAIMS;
        assertEquals("SY2025040100001", value(c, result, "claim_id"));
        assertEquals(MAN, value(c, result, "person_id"));
        assertEquals("张三", value(c, result, "person_name"));
        assertEquals(EMPLOYER, value(c, result, "last_employer_id"));
        assertEquals(LocalDate.of(2025, 3, 31), value(c, result, "separation_date"));
        assertEquals("CONTRACT_EXPIRED", value(c, result, "separation_reason"));
        assertEquals("APPROVED", value(c, result, "status"));
        assertEquals(LocalDate.of(2025, 4, 20), value(c, result, "decision_date"));
        assertNull(value(c, result, "reject_reason"), "an empty value is null");
        assertEquals(new BigDecimal("1850.00"), value(c, result, "monthly_benefit"));
        assertEquals("M60", value(c, result, "retirement_category"));
        assertEquals("13812345678", value(c, result, "phone"));
        assertEquals("6222021234567890123", value(c, result, "bank_account"));
        assertEquals("Y", value(c, result, "registered_unemployed"));
    }

    @Test
    void valuesAreTrimmedBeforeValidation() {
        RowValidator.Result result = validate(Extract.CLAIMS, "person_id", " " + MAN + " ", "separation_date", "\t2025-03-31 ",
                "region_code", " 210102", "monthly_benefit", "1850.00 ", "status", " PAYING ");
        assertLoaded(result);
        assertEquals(MAN, value(Extract.CLAIMS, result, "person_id"));
        assertEquals("210102", value(Extract.CLAIMS, result, "region_code"));
        assertEquals("PAYING", value(Extract.CLAIMS, result, "status"));
    }

    @Test
    void dateFormsAreNormalised() {
        RowValidator.Result result = validate(Extract.CLAIMS, "separation_date", "20250331", "application_date", "2025/04/10");
        assertLoaded(result);
        assertEquals(LocalDate.of(2025, 3, 31), value(Extract.CLAIMS, result, "separation_date"));
        assertEquals(LocalDate.of(2025, 4, 10), value(Extract.CLAIMS, result, "application_date"));
    }

    @Test
    void lowerCaseXOfAPersonIdIsNormalised() {
        String withX = null;
        for (int seq = 0; withX == null; seq++) {
            String id = IdentifiersTest.personId("210102", "19800101", String.format("%03d", seq));
            if (id.endsWith("X")) {
                withX = id;
            }
        }
        RowValidator.Result result = validate(Extract.CONTRIBUTIONS, "person_id", withX.toLowerCase());
        assertLoaded(result);
        assertEquals(withX, value(Extract.CONTRIBUTIONS, result, "person_id"));
    }

    @Test
    void contributionValuesAreTyped() {
        RowValidator.Result result = validate(Extract.CONTRIBUTIONS, "period", "202503", "employer_id", EMPLOYER.toLowerCase());
        assertLoaded(result);
        assertEquals(Months.of(2025, 3), value(Extract.CONTRIBUTIONS, result, "period"));
        assertEquals(EMPLOYER, value(Extract.CONTRIBUTIONS, result, "employer_id"));
        assertEquals(new BigDecimal("5000.00"), value(Extract.CONTRIBUTIONS, result, "wage_base"));
        assertInstanceOf(BigDecimal.class, value(Extract.CONTRIBUTIONS, result, "amount"));
    }

    @Test
    void subsidyAndCertificateValuesAreTyped() {
        RowValidator.Result subsidy = validate(Extract.SUBSIDIES, "certificate_no", " s000021000001234y ", "level", "4",
                "certificate_type", "skill_level", "status", "paid");
        assertLoaded(subsidy);
        assertEquals("S000021000001234Y", value(Extract.SUBSIDIES, subsidy, "certificate_no"));
        assertEquals(4, value(Extract.SUBSIDIES, subsidy, "level"));
        assertEquals("SKILL_LEVEL", value(Extract.SUBSIDIES, subsidy, "certificate_type"));
        assertEquals("6-29-01-01-02", value(Extract.SUBSIDIES, subsidy, "occupation_code"));
        assertEquals(new BigDecimal("1500"), value(Extract.SUBSIDIES, subsidy, "amount"));

        RowValidator.Result certificate = validate(Extract.CERTIFICATES, "certificate_no", "s000021000001234y", "status", "revoked");
        assertLoaded(certificate);
        assertEquals("S000021000001234Y", value(Extract.CERTIFICATES, certificate, "certificate_no"));
        assertEquals("REVOKED", value(Extract.CERTIFICATES, certificate, "status"));
        assertEquals(3, value(Extract.CERTIFICATES, certificate, "level"));
    }

    @Test
    void medicalValuesAreTyped() {
        RowValidator.Result result = validate(Extract.MEDICAL, "payer", "self", "period", "202505");
        assertLoaded(result);
        assertEquals("SELF", value(Extract.MEDICAL, result, "payer"));
        assertEquals(Months.of(2025, 5), value(Extract.MEDICAL, result, "period"));
        assertEquals(new BigDecimal("320.50"), value(Extract.MEDICAL, result, "amount"));
    }

    // ---- structure ----

    @ParameterizedTest
    @EnumSource(Extract.class)
    void wrongFieldCountIsBadCsv(Extract extract) {
        int n = extract.columns().size();
        int[] fieldOfColumn = new int[n];
        Arrays.setAll(fieldOfColumn, i -> i);
        RowValidator validator = new RowValidator(extract, fieldOfColumn, n, AS_OF);
        List<String> valid = extract.columns().stream().map(c -> validRow(extract).get(c.name())).toList();

        List<String> more = new ArrayList<>(valid);
        more.add("extra");
        assertError(validator.validate(more), "BAD_CSV", "");
        assertError(validator.validate(valid.subList(0, n - 1)), "BAD_CSV", "");
        assertError(validator.validate(List.of("")), "BAD_CSV", "");
        assertLoaded(validator.validate(valid));
    }

    @Test
    void structuralErrorComesBeforeFieldErrors() {
        List<String> fields = new ArrayList<>(Extract.CLAIMS.columns().stream().map(c -> "bad").toList());
        fields.add("extra");
        int n = Extract.CLAIMS.columns().size();
        int[] fieldOfColumn = new int[n];
        Arrays.setAll(fieldOfColumn, i -> i);
        assertError(new RowValidator(Extract.CLAIMS, fieldOfColumn, n, AS_OF).validate(fields), "BAD_CSV", "");
    }

    // ---- required fields ----

    @ParameterizedTest
    @MethodSource("requiredColumns")
    void missingRequiredFieldIsRejected(Extract extract, String column) {
        assertError(validate(extract, column, ""), "MISSING_FIELD", column);
        assertError(validate(extract, column, "   "), "MISSING_FIELD", column);
    }

    @ParameterizedTest
    @MethodSource("requiredColumns")
    void invalidRequiredFieldIsRejectedWithTheReasonOfItsType(Extract extract, String column) {
        String[] bad = invalid(extract.columns().get(extract.indexOf(column)));
        assertError(validate(extract, column, bad[0]), bad[1], column);
    }

    // ---- optional fields ----

    @ParameterizedTest
    @MethodSource("optionalColumns")
    void missingOptionalFieldIsNullWithoutIssue(Extract extract, String column) {
        // a decided claim needs decision_date, a PAID subsidy needs paid_date: use a status that does not
        RowValidator.Result result = switch (extract) {
            case CLAIMS -> validate(extract, "status", "RECEIVED", column, "");
            case SUBSIDIES -> validate(extract, "status", "RECEIVED", column, "");
            default -> validate(extract, column, "");
        };
        assertLoaded(result);
        assertNull(value(extract, result, column));
    }

    @ParameterizedTest
    @MethodSource("optionalColumns")
    void invalidOptionalFieldIsNulledWithAWarning(Extract extract, String column) {
        String[] bad = invalid(extract.columns().get(extract.indexOf(column)));
        RowValidator.Result result = switch (extract) {
            case CLAIMS -> validate(extract, "status", "RECEIVED", column, bad[0]);
            case SUBSIDIES -> validate(extract, "status", "RECEIVED", column, bad[0]);
            default -> validate(extract, column, bad[0]);
        };
        assertWarnings(result, bad[1], column);
        assertNull(value(extract, result, column));
        // the other fields are kept
        RowValidator.Result valid = switch (extract) {
            case CLAIMS, SUBSIDIES -> validate(extract, "status", "RECEIVED");
            default -> validate(extract, validRow(extract));
        };
        for (int i = 0; i < extract.columns().size(); i++) {
            if (i != extract.indexOf(column)) {
                assertEquals(valid.values()[i], result.values()[i], extract.columns().get(i).name());
            }
        }
    }

    @Test
    void badPhoneAndBadAccountAreWarningsNotRejects() {
        RowValidator.Result result = validate(Extract.CLAIMS, "phone", "138-1234-567", "bank_account", "6222 0212 ABCD");
        assertWarnings(result, "BAD_PHONE", "phone", "BAD_ACCOUNT", "bank_account");
        assertNull(value(Extract.CLAIMS, result, "phone"));
        assertNull(value(Extract.CLAIMS, result, "bank_account"));
        assertEquals(MAN, value(Extract.CLAIMS, result, "person_id"));
        assertTrue(result.issues().stream().allMatch(i -> i.severity() == Issue.Severity.WARN));
    }

    @Test
    void oneWarningPerNulledFieldInContractOrder() {
        RowValidator.Result result = validate(Extract.CLAIMS, "bank_account", "123", "phone", "123",
                "monthly_benefit", "-1", "benefit_end", "2025-04-30", "reject_reason", "x".repeat(501));
        assertWarnings(result, "BAD_TEXT", "reject_reason", "INCONSISTENT", "benefit_end", "BAD_AMOUNT", "monthly_benefit",
                "BAD_PHONE", "phone", "BAD_ACCOUNT", "bank_account");
    }

    @Test
    void employerEnrolmentDateAndSubsidyOccupationAreOptional() {
        assertWarnings(validate(Extract.EMPLOYERS, "enrolled_on", "2010-13-01"), "BAD_DATE", "enrolled_on");
        RowValidator.Result subsidy = validate(Extract.SUBSIDIES, "job_occupation_code", "6-29-1-01", "employer_id", "91210102");
        assertWarnings(subsidy, "BAD_EMPLOYER_ID", "employer_id", "BAD_OCCUPATION", "job_occupation_code");
        assertEquals("6-29-01-01-02", value(Extract.SUBSIDIES, subsidy, "occupation_code"));
    }

    // ---- one reject line per rejected row: the first failing column in contract order ----

    @Test
    void firstFailingColumnInContractOrder() {
        assertError(validate(Extract.CLAIMS, "person_id", "123456789012345678", "status", "DONE"), "BAD_PERSON_ID", "person_id");
        assertError(validate(Extract.CLAIMS, "status", "DONE", "person_id", "123456789012345678"), "BAD_PERSON_ID", "person_id");
        assertError(validate(Extract.CLAIMS, "status", "DONE", "separation_reason", "FIRED", "last_employer_id", ""),
                "MISSING_FIELD", "last_employer_id");
        assertError(validate(Extract.CONTRIBUTIONS, "amount", "-1", "wage_base", "x", "period", "2025-13"),
                "BAD_PERIOD", "period");
        assertError(validate(Extract.SUBSIDIES, "level", "6", "occupation_code", "6-29", "certificate_type", "X"),
                "BAD_ENUM", "certificate_type");
    }

    @Test
    void contractOrderNotFileOrderDecidesTheFirstFailingColumn() {
        // the file has the claim columns in reverse order
        Extract claims = Extract.CLAIMS;
        int n = claims.columns().size();
        int[] fieldOfColumn = new int[n];
        Arrays.setAll(fieldOfColumn, i -> n - 1 - i);
        Map<String, String> row = with(claims, "person_id", "123456789012345678", "status", "DONE");
        List<String> fields = new ArrayList<>(claims.columns().stream().map(c -> row.get(c.name())).toList());
        java.util.Collections.reverse(fields);
        RowValidator validator = new RowValidator(claims, fieldOfColumn, n, AS_OF);
        assertError(validator.validate(fields), "BAD_PERSON_ID", "person_id");

        Map<String, String> valid = validRow(claims);
        List<String> validFields = new ArrayList<>(claims.columns().stream().map(c -> valid.get(c.name())).toList());
        java.util.Collections.reverse(validFields);
        RowValidator.Result result = validator.validate(validFields);
        assertLoaded(result);
        assertArrayEquals(validate(claims, valid).values(), result.values());
    }

    @Test
    void rejectedRowGetsNoWarnings() {
        assertError(validate(Extract.CLAIMS, "phone", "12345", "person_name", ""), "MISSING_FIELD", "person_name");
        assertError(validate(Extract.CLAIMS, "phone", "12345", "bank_account", "x", "monthly_benefit", "1,000",
                "benefit_end", "2025-01-01", "retirement_category", "F55", "status", "NOPE"), "BAD_ENUM", "status");
        assertError(validate(Extract.SUBSIDIES, "employer_id", "bad", "amount", ""), "MISSING_FIELD", "amount");
        assertError(validate(Extract.REGISTRATIONS, "ended_on", "2020-01-01", "region_code", "990000"),
                "BAD_REGION", "region_code");
        assertError(validate(Extract.EMPLOYERS, "enrolled_on", "x", "employer_name", "名".repeat(201)),
                "BAD_TEXT", "employer_name");
    }

    // ---- reason codes ----

    @Test
    void everyRowLevelReasonCodeOfTheContractIsProduced() {
        List<RowValidator.Result> results = List.of(
                validate(Extract.CLAIMS, "person_name", ""),
                validate(Extract.CLAIMS, "person_id", "110105491231002"),
                validate(Extract.CLAIMS, "last_employer_id", "91210102MA000000I1"),
                validate(Extract.CLAIMS, "region_code", "2101"),
                validate(Extract.CLAIMS, "separation_date", "2025-2-3"),
                validate(Extract.CONTRIBUTIONS, "period", "1998-12"),
                validate(Extract.CONTRIBUTIONS, "wage_base", ".5"),
                validate(Extract.CERTIFICATES, "level", "6"),
                validate(Extract.CERTIFICATES, "occupation_code", "0-29-01-01"),
                validate(Extract.CLAIMS, "phone", "+85 13812345678"),
                validate(Extract.CLAIMS, "bank_account", "12345678901234567890"),
                validate(Extract.CLAIMS, "person_name", "张".repeat(51)),
                validate(Extract.CLAIMS, "application_date", "2025-03-30"),
                new RowValidator(Extract.MEDICAL, new int[] {0, 1, 2, 3, 4}, 5, AS_OF).validate(List.of("a", "b")));
        Set<String> reasons = new TreeSet<>();
        results.forEach(r -> r.issues().forEach(i -> reasons.add(i.reason())));
        // DUPLICATE_KEY is decided across rows by the stager, not per row
        assertEquals(new TreeSet<>(List.of("BAD_CSV", "MISSING_FIELD", "BAD_PERSON_ID", "BAD_EMPLOYER_ID", "BAD_REGION",
                "BAD_DATE", "BAD_PERIOD", "BAD_AMOUNT", "BAD_ENUM", "BAD_OCCUPATION", "BAD_PHONE", "BAD_ACCOUNT",
                "BAD_TEXT", "INCONSISTENT")), reasons);
        assertTrue(results.stream().allMatch(r -> r.issues().size() == 1));
    }

    @Test
    void personBornAfterTheAsOfDateIsRejected() {
        String bornAfter = IdentifiersTest.personId("210102", "20250701", "001");
        String bornOnAsOf = IdentifiersTest.personId("210102", "20250630", "001");
        assertError(validate(Extract.REGISTRATIONS, "person_id", bornAfter), "BAD_PERSON_ID", "person_id");
        assertLoaded(validate(Extract.REGISTRATIONS, "person_id", bornOnAsOf));
    }

    @Test
    void personIdProblems() {
        assertError(validate(Extract.MEDICAL, "person_id", IdentifiersTest.personId("190102", "19800101", "001")),
                "BAD_PERSON_ID", "person_id");
        assertError(validate(Extract.MEDICAL, "person_id", IdentifiersTest.personId("210102", "19900230", "001")),
                "BAD_PERSON_ID", "person_id");
        assertError(validate(Extract.MEDICAL, "person_id", MAN.substring(0, 17)), "BAD_PERSON_ID", "person_id");
        assertError(validate(Extract.MEDICAL, "person_id", MAN.substring(0, 16) + "A" + MAN.charAt(17)),
                "BAD_PERSON_ID", "person_id");
    }

    @Test
    void levelAndAmountExamplesOfTheContract() {
        assertError(validate(Extract.SUBSIDIES, "level", "04"), "BAD_ENUM", "level");
        assertError(validate(Extract.SUBSIDIES, "level", "6"), "BAD_ENUM", "level");
        assertError(validate(Extract.SUBSIDIES, "amount", "+5"), "BAD_AMOUNT", "amount");
        assertError(validate(Extract.MEDICAL, "amount", "1e3"), "BAD_AMOUNT", "amount");
        assertError(validate(Extract.MEDICAL, "period", "2025-13"), "BAD_PERIOD", "period");
        assertLoaded(validate(Extract.MEDICAL, "period", "1999-01"));
    }

    @Test
    void contributionPeriodsStartInJanuary1999() {
        assertError(validate(Extract.CONTRIBUTIONS, "period", "1998-12"), "BAD_PERIOD", "period");
        assertError(validate(Extract.CONTRIBUTIONS, "period", "199812"), "BAD_PERIOD", "period");
        RowValidator.Result first = validate(Extract.CONTRIBUTIONS, "period", "199901");
        assertLoaded(first);
        assertEquals(Months.of(1999, 1), value(Extract.CONTRIBUTIONS, first, "period"));
        // periods after the as-of month are loaded (the rules ignore them until a later run)
        RowValidator.Result future = validate(Extract.CONTRIBUTIONS, "period", "2025-12");
        assertLoaded(future);
        assertEquals(Months.of(2025, 12), value(Extract.CONTRIBUTIONS, future, "period"));
    }

    @Test
    void personNameLengthCountsCharacters() {
        assertLoaded(validate(Extract.CLAIMS, "person_name", "张".repeat(50)));
        assertError(validate(Extract.CLAIMS, "person_name", "张".repeat(51)), "BAD_TEXT", "person_name");
    }

    // ---- INCONSISTENT: claims ----

    @Test
    void claimApplicationBeforeSeparationIsRejected() {
        assertError(validate(Extract.CLAIMS, "application_date", "2025-03-30"), "INCONSISTENT", "application_date");
        // equal dates are fine: an application on the day of separation
        RowValidator.Result sameDay = validate(Extract.CLAIMS, "application_date", "2025-03-31");
        assertLoaded(sameDay);
        assertEquals(LocalDate.of(2025, 3, 31), value(Extract.CLAIMS, sameDay, "application_date"));
    }

    @Test
    void inconsistentApplicationIsReportedInContractOrder() {
        // application_date (column 8) comes before status (9) and decision_date (10), after person_id (2)
        assertError(validate(Extract.CLAIMS, "application_date", "2025-03-01", "status", "NOPE"), "INCONSISTENT", "application_date");
        assertError(validate(Extract.CLAIMS, "application_date", "2025-03-01", "decision_date", ""),
                "INCONSISTENT", "application_date");
        assertError(validate(Extract.CLAIMS, "application_date", "2025-03-01", "person_id", "x"), "BAD_PERSON_ID", "person_id");
        // an invalid separation date is its own error, not an inconsistency
        assertError(validate(Extract.CLAIMS, "separation_date", "2025-02-30", "application_date", "2025-01-01"),
                "BAD_DATE", "separation_date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVED", "REJECTED", "PAYING", "SUSPENDED", "ENDED", "approved", "Ended"})
    void decidedClaimWithoutDecisionDateIsRejected(String status) {
        assertError(validate(Extract.CLAIMS, "status", status, "decision_date", ""), "INCONSISTENT", "decision_date");
        assertLoaded(validate(Extract.CLAIMS, "status", status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECEIVED", "WITHDRAWN", "received", "Withdrawn"})
    void undecidedClaimNeedsNoDecisionDate(String status) {
        RowValidator.Result result = validate(Extract.CLAIMS, "status", status, "decision_date", "");
        assertLoaded(result);
        assertNull(value(Extract.CLAIMS, result, "decision_date"));
        assertEquals(status.toUpperCase(), value(Extract.CLAIMS, result, "status"));
    }

    @Test
    void decidedClaimWithInvalidDecisionDateIsRejected() {
        // decision_date is required by the status: invalid is an ERROR (and no WARN line)
        assertError(validate(Extract.CLAIMS, "status", "PAYING", "decision_date", "2025-04-31"), "BAD_DATE", "decision_date");
        // for an undecided claim it is an optional field: WARN and null
        RowValidator.Result received = validate(Extract.CLAIMS, "status", "RECEIVED", "decision_date", "2025-04-31");
        assertWarnings(received, "BAD_DATE", "decision_date");
        assertNull(value(Extract.CLAIMS, received, "decision_date"));
    }

    @Test
    void benefitEndBeforeBenefitStartIsNulledWithAWarning() {
        RowValidator.Result result = validate(Extract.CLAIMS, "benefit_start", "2025-05-01", "benefit_end", "2025-04-30");
        assertWarnings(result, "INCONSISTENT", "benefit_end");
        assertNull(value(Extract.CLAIMS, result, "benefit_end"));
        assertEquals(LocalDate.of(2025, 5, 1), value(Extract.CLAIMS, result, "benefit_start"));

        RowValidator.Result sameDay = validate(Extract.CLAIMS, "benefit_start", "2025-05-01", "benefit_end", "2025-05-01");
        assertLoaded(sameDay);
        assertEquals(LocalDate.of(2025, 5, 1), value(Extract.CLAIMS, sameDay, "benefit_end"));

        assertLoaded(validate(Extract.CLAIMS, "benefit_start", "", "benefit_end", "2025-04-30"));
        assertLoaded(validate(Extract.CLAIMS, "benefit_start", "2025-05-01", "benefit_end", ""));
        // an invalid benefit_start is one WARN, not two
        assertWarnings(validate(Extract.CLAIMS, "benefit_start", "2025-05-32", "benefit_end", "2025-04-30"),
                "BAD_DATE", "benefit_start");
    }

    static Stream<Arguments> retirementCategories() {
        return Stream.of(
                Arguments.of(MAN, "M60", true),
                Arguments.of(MAN, "F55", false),
                Arguments.of(MAN, "F50", false),
                Arguments.of(MAN, "f55", false),
                Arguments.of(WOMAN, "F55", true),
                Arguments.of(WOMAN, "F50", true),
                Arguments.of(WOMAN, "f50", true),
                Arguments.of(WOMAN, "M60", false),
                Arguments.of(WOMAN, "m60", false));
    }

    @ParameterizedTest
    @MethodSource("retirementCategories")
    void retirementCategoryMustMatchTheGenderDigit(String personId, String category, boolean consistent) {
        RowValidator.Result result = validate(Extract.CLAIMS, "person_id", personId, "retirement_category", category);
        if (consistent) {
            assertLoaded(result);
            assertEquals(category.toUpperCase(), value(Extract.CLAIMS, result, "retirement_category"));
        } else {
            assertWarnings(result, "INCONSISTENT", "retirement_category");
            assertNull(value(Extract.CLAIMS, result, "retirement_category"));
            assertEquals(personId, value(Extract.CLAIMS, result, "person_id"));
        }
    }

    @Test
    void missingRetirementCategoryIsNoIssue() {
        assertLoaded(validate(Extract.CLAIMS, "person_id", WOMAN, "retirement_category", ""));
    }

    // ---- INCONSISTENT: subsidies ----

    @Test
    void subsidyApplicationBeforeIssueDateIsRejected() {
        assertError(validate(Extract.SUBSIDIES, "application_date", "2024-11-30"), "INCONSISTENT", "application_date");
        assertLoaded(validate(Extract.SUBSIDIES, "application_date", "2024-12-01"));
        // the inconsistency is reported at application_date: after amount, before status
        assertError(validate(Extract.SUBSIDIES, "application_date", "2024-11-30", "amount", "x"), "BAD_AMOUNT", "amount");
        assertError(validate(Extract.SUBSIDIES, "application_date", "2024-11-30", "status", "x"),
                "INCONSISTENT", "application_date");
    }

    @Test
    void paidSubsidyWithoutPaidDateIsRejected() {
        assertError(validate(Extract.SUBSIDIES, "status", "PAID", "paid_date", ""), "INCONSISTENT", "paid_date");
        assertError(validate(Extract.SUBSIDIES, "status", "paid", "paid_date", " "), "INCONSISTENT", "paid_date");
        assertError(validate(Extract.SUBSIDIES, "status", "PAID", "paid_date", "2025-02-30"), "BAD_DATE", "paid_date");
        for (String status : List.of("RECEIVED", "REJECTED")) {
            RowValidator.Result result = validate(Extract.SUBSIDIES, "status", status, "paid_date", "");
            assertLoaded(result);
            assertNull(value(Extract.SUBSIDIES, result, "paid_date"));
        }
    }

    // ---- INCONSISTENT: registrations ----

    @Test
    void registrationEndedBeforeItStartedIsNulledWithAWarning() {
        RowValidator.Result result = validate(Extract.REGISTRATIONS, "registered_on", "2025-04-05", "ended_on", "2025-04-04");
        assertWarnings(result, "INCONSISTENT", "ended_on");
        assertNull(value(Extract.REGISTRATIONS, result, "ended_on"));
        assertEquals(LocalDate.of(2025, 4, 5), value(Extract.REGISTRATIONS, result, "registered_on"));
        assertLoaded(validate(Extract.REGISTRATIONS, "registered_on", "2025-04-05", "ended_on", "2025-04-05"));
        assertLoaded(validate(Extract.REGISTRATIONS, "ended_on", ""));
    }

    @Test
    void noCrossFieldRulesElsewhere() {
        // certificates, employers, contributions and medical have no INCONSISTENT rules
        assertLoaded(validate(Extract.EMPLOYERS, "enrolled_on", "2099-01-01"));
        assertLoaded(validate(Extract.CERTIFICATES, "issue_date", "2030-01-01"));
        assertLoaded(validate(Extract.CONTRIBUTIONS, "amount", "99999", "wage_base", "1"));
    }

    // ---- columns absent from the header ----

    /** A file whose header has only the required columns, in contract order. */
    private static RowValidator.Result validateRequiredOnly(Extract extract, Map<String, String> row) {
        int[] fieldOfColumn = new int[extract.columns().size()];
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < fieldOfColumn.length; i++) {
            ColumnSpec column = extract.columns().get(i);
            if (column.required()) {
                fieldOfColumn[i] = fields.size();
                fields.add(row.get(column.name()));
            } else {
                fieldOfColumn[i] = -1;
            }
        }
        return new RowValidator(extract, fieldOfColumn, fields.size(), AS_OF).validate(fields);
    }

    @ParameterizedTest
    @EnumSource(Extract.class)
    void optionalColumnsAbsentFromTheHeaderAreNull(Extract extract) {
        Map<String, String> row = switch (extract) {
            case CLAIMS, SUBSIDIES -> with(extract, "status", "RECEIVED");
            default -> validRow(extract);
        };
        RowValidator.Result result = validateRequiredOnly(extract, row);
        assertLoaded(result);
        for (int i = 0; i < extract.columns().size(); i++) {
            ColumnSpec column = extract.columns().get(i);
            if (column.required()) {
                assertNotNull(result.values()[i], column.name());
            } else {
                assertNull(result.values()[i], column.name());
            }
        }
    }

    @Test
    void statusStillRequiresItsDateWhenTheColumnIsAbsent() {
        assertError(validateRequiredOnly(Extract.CLAIMS, with(Extract.CLAIMS, "status", "APPROVED")),
                "INCONSISTENT", "decision_date");
        assertError(validateRequiredOnly(Extract.SUBSIDIES, with(Extract.SUBSIDIES, "status", "PAID")),
                "INCONSISTENT", "paid_date");
    }

    @Test
    void unknownColumnsOfTheFileAreIgnored() {
        // header: employer_id, 备注, employer_name, region_code, enrolled_on, extra
        int[] fieldOfColumn = {0, 2, 3, 4};
        RowValidator validator = new RowValidator(Extract.EMPLOYERS, fieldOfColumn, 6, AS_OF);
        RowValidator.Result result = validator.validate(List.of(EMPLOYER, "whatever \"x\"", "某公司", "210102", "", "99999999999"));
        assertLoaded(result);
        assertArrayEquals(new Object[] {EMPLOYER, "某公司", "210102", null}, result.values());
    }

    @Test
    void theAsOfDateOfTheValidatorIsUsed() {
        String born = IdentifiersTest.personId("210102", "20250701", "001");
        int[] identity = {0, 1, 2, 3};
        List<String> fields = List.of(born, "210102", "2025-07-02", "");
        assertError(new RowValidator(Extract.REGISTRATIONS, identity, 4, AS_OF).validate(fields), "BAD_PERSON_ID", "person_id");
        assertLoaded(new RowValidator(Extract.REGISTRATIONS, identity, 4, LocalDate.of(2025, 7, 1)).validate(fields));
    }

    @Test
    void otherEmployerIsValidToo() {
        assertLoaded(validate(Extract.CLAIMS, "last_employer_id", OTHER_EMPLOYER));
    }
    /** Whatever the field values, validation ends in a reject with one ERROR or a load with WARN lines only. */
    @ParameterizedTest
    @EnumSource(Extract.class)
    void arbitraryValuesNeverThrow(Extract extract) {
        java.util.Random random = new java.util.Random(extract.ordinal());
        String[] pieces = {"", " ", "1", "0", "9", "x", "X", "-", "/", ".", "+86", "张", "𠮷", "ß", "\uFB00", "\"", "\n",
                "2025-02-28", "19990101", "M60", "PAID", "approved", MAN, EMPLOYER, "210102", "6-29-01-01", "１"};
        for (int round = 0; round < 300; round++) {
            Map<String, String> row = validRow(extract);
            for (String column : row.keySet()) {
                if (random.nextInt(3) == 0) {
                    StringBuilder value = new StringBuilder();
                    int n = random.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        value.append(pieces[random.nextInt(pieces.length)]);
                    }
                    row.put(column, value.toString());
                }
            }
            RowValidator.Result result = validate(extract, row);
            if (result.rejected()) {
                assertEquals(1, result.issues().size(), row::toString);
                assertEquals(Issue.Severity.ERROR, result.issues().get(0).severity());
            } else {
                assertTrue(result.issues().stream().allMatch(i -> i.severity() == Issue.Severity.WARN), row::toString);
                for (int i = 0; i < extract.columns().size(); i++) {
                    ColumnSpec column = extract.columns().get(i);
                    if (column.required()) {
                        assertNotNull(result.values()[i], column.name());
                    }
                }
                assertEquals(result.issues().size(), result.issues().stream().map(Issue::column).distinct().count(),
                        "one WARN line per nulled field");
            }
        }
    }
}
