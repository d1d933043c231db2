package org.fundguard.extract;

import static org.fundguard.extract.ColumnSpec.opt;
import static org.fundguard.extract.ColumnSpec.optEnum;
import static org.fundguard.extract.ColumnSpec.optText;
import static org.fundguard.extract.ColumnSpec.req;
import static org.fundguard.extract.ColumnSpec.reqEnum;
import static org.fundguard.extract.ColumnSpec.reqText;

import java.util.List;

/**
 * The seven extracts of extracts.md: file name, columns in contract order (the order in which
 * a row's first failing column is chosen), key, and the database tables behind them.
 */
public enum Extract {
    EMPLOYERS("employers.csv", "employer", true, List.of("employer_id"), List.of(
            req("employer_id", FieldType.EMPLOYER_ID),
            reqText("employer_name", 200),
            req("region_code", FieldType.REGION),
            opt("enrolled_on", FieldType.DATE))),

    CONTRIBUTIONS("contributions.csv", "contribution", true, List.of("person_id", "employer_id", "period"), List.of(
            req("person_id", FieldType.PERSON_ID),
            req("employer_id", FieldType.EMPLOYER_ID),
            req("period", FieldType.PERIOD),
            req("region_code", FieldType.REGION),
            req("wage_base", FieldType.AMOUNT),
            req("amount", FieldType.AMOUNT))),

    CLAIMS("claims.csv", "claim", true, List.of("claim_id"), List.of(
            reqText("claim_id", 40),
            req("person_id", FieldType.PERSON_ID),
            reqText("person_name", 50),
            req("region_code", FieldType.REGION),
            req("last_employer_id", FieldType.EMPLOYER_ID),
            req("separation_date", FieldType.DATE),
            reqEnum("separation_reason", "CONTRACT_EXPIRED", "EMPLOYER_TERMINATED", "EMPLOYER_CLOSED",
                    "MUTUAL_AGREEMENT", "VOLUNTARY", "OTHER_INVOLUNTARY"),
            req("application_date", FieldType.DATE),
            reqEnum("status", "RECEIVED", "APPROVED", "PAYING", "REJECTED", "SUSPENDED", "ENDED", "WITHDRAWN"),
            opt("decision_date", FieldType.DATE),
            optText("reject_reason", 500),
            opt("benefit_start", FieldType.DATE),
            opt("benefit_end", FieldType.DATE),
            opt("monthly_benefit", FieldType.AMOUNT),
            optEnum("retirement_category", "M60", "F55", "F50"),
            opt("phone", FieldType.PHONE),
            opt("bank_account", FieldType.BANK_ACCOUNT),
            optEnum("registered_unemployed", "Y", "N"))),

    SUBSIDIES("subsidies.csv", "subsidy", false, List.of("application_id"), List.of(
            reqText("application_id", 40),
            req("person_id", FieldType.PERSON_ID),
            reqEnum("applicant_type", "EMPLOYEE", "CLAIMANT"),
            opt("employer_id", FieldType.EMPLOYER_ID),
            req("region_code", FieldType.REGION),
            opt("job_occupation_code", FieldType.OCCUPATION),
            new ColumnSpec("certificate_no", FieldType.UPPER_TEXT, true, 40, java.util.Set.of()),
            reqEnum("certificate_type", "QUALIFICATION", "SKILL_LEVEL"),
            req("occupation_code", FieldType.OCCUPATION),
            req("level", FieldType.LEVEL),
            req("issue_date", FieldType.DATE),
            reqText("issuing_org_id", 40),
            req("amount", FieldType.AMOUNT),
            req("application_date", FieldType.DATE),
            reqEnum("status", "RECEIVED", "PAID", "REJECTED"),
            opt("paid_date", FieldType.DATE))),

    CERTIFICATES("certificates.csv", "certificate", false, List.of("certificate_no"), List.of(
            new ColumnSpec("certificate_no", FieldType.UPPER_TEXT, true, 40, java.util.Set.of()),
            req("person_id", FieldType.PERSON_ID),
            reqEnum("certificate_type", "QUALIFICATION", "SKILL_LEVEL"),
            req("occupation_code", FieldType.OCCUPATION),
            req("level", FieldType.LEVEL),
            req("issue_date", FieldType.DATE),
            reqText("issuing_org_id", 40),
            req("issuing_region_code", FieldType.REGION),
            reqEnum("status", "VALID", "REVOKED"))),

    REGISTRATIONS("registrations.csv", "registration", false, List.of("person_id", "registered_on"), List.of(
            req("person_id", FieldType.PERSON_ID),
            req("region_code", FieldType.REGION),
            req("registered_on", FieldType.DATE),
            opt("ended_on", FieldType.DATE))),

    MEDICAL("medical.csv", "medical", false, List.of("person_id", "period", "payer"), List.of(
            req("person_id", FieldType.PERSON_ID),
            req("period", FieldType.PERIOD),
            reqEnum("payer", "AGENCY", "SELF"),
            req("amount", FieldType.AMOUNT),
            req("region_code", FieldType.REGION)));

    private final String fileName;
    private final String table;
    private final boolean required;
    private final List<String> key;
    private final List<ColumnSpec> columns;

    Extract(String fileName, String table, boolean required, List<String> key, List<ColumnSpec> columns) {
        this.fileName = fileName;
        this.table = table;
        this.required = required;
        this.key = key;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    /** The extract's name as used in rejects/&lt;name&gt;.csv and the summary: the file name without .csv. */
    public String extractName() {
        return fileName.substring(0, fileName.length() - 4);
    }

    /** The target table. */
    public String table() {
        return table;
    }

    /** The staging table a night's file is validated into before it is merged. */
    public String stagingTable() {
        return "stg_" + table;
    }

    public boolean required() {
        return required;
    }

    public List<String> key() {
        return key;
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name() + " has no column " + column);
    }

    /** The database column of a contract column: a few names are SQL keywords in one dialect or another. */
    public static String dbColumn(String column) {
        return switch (column) {
            case "period" -> "period_month";
            case "level" -> "cert_level";
            default -> column;
        };
    }

    public List<String> dbColumns() {
        return columns.stream().map(c -> dbColumn(c.name())).toList();
    }

    public List<String> dbKey() {
        return key.stream().map(Extract::dbColumn).toList();
    }

    /** The employer reference that is counted as unknown when no extract delivered the employer. */
    public String employerReference() {
        return switch (this) {
            case CONTRIBUTIONS, SUBSIDIES -> "employer_id";
            case CLAIMS -> "last_employer_id";
            default -> null;
        };
    }
}
