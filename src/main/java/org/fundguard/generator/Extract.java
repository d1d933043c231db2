package org.fundguard.generator;

/** The seven extract files of extracts.md, with their contract column names in contract order. */
enum Extract {
    EMPLOYERS("employers.csv", "employer_id", "employer_name", "region_code", "enrolled_on"),
    CONTRIBUTIONS("contributions.csv", "person_id", "employer_id", "period", "region_code", "wage_base", "amount"),
    CLAIMS("claims.csv", "claim_id", "person_id", "person_name", "region_code", "last_employer_id",
            "separation_date", "separation_reason", "application_date", "status", "decision_date", "reject_reason",
            "benefit_start", "benefit_end", "monthly_benefit", "retirement_category", "phone", "bank_account",
            "registered_unemployed"),
    SUBSIDIES("subsidies.csv", "application_id", "person_id", "applicant_type", "employer_id", "region_code",
            "job_occupation_code", "certificate_no", "certificate_type", "occupation_code", "level", "issue_date",
            "issuing_org_id", "amount", "application_date", "status", "paid_date"),
    CERTIFICATES("certificates.csv", "certificate_no", "person_id", "certificate_type", "occupation_code", "level",
            "issue_date", "issuing_org_id", "issuing_region_code", "status"),
    REGISTRATIONS("registrations.csv", "person_id", "region_code", "registered_on", "ended_on"),
    MEDICAL("medical.csv", "person_id", "period", "payer", "amount", "region_code");

    final String file;
    final String[] columns;

    Extract(String file, String... columns) {
        this.file = file;
        this.columns = columns;
    }

    int col(String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
