package org.fundguard.extract;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records, for incremental screening (V14), which persons and which employer months each merge
 * changes: the persons (with the months of their changed contributions; every month for a
 * changed claim) and employers of the staged rows and, for claims, also the values a
 * corrected row replaces (a claim moved to another employer changes the counts of both). Written
 * on the merge's transaction, so a failed night leaves no entries, and only while a screening
 * basis exists: before the first screening there is nothing to be incremental against.
 */
@Component
public class ChangeLog {

    /** Months far enough out to mean "every month" (month numbers are year × 12 + month − 1). */
    public static final int ALL_MONTHS_FIRST = 0;
    public static final int ALL_MONTHS_LAST = 1_000_000;

    private final JdbcTemplate jdbc;

    public ChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Before the staged rows of {@code extract} replace the table's: what they will replace. */
    public void beforeMerge(Extract extract) {
        if (extract == Extract.CLAIMS && recording()) {
            claimsJoinedTo(extract.stagingTable());
        }
    }

    /** After the merge: tonight's rows themselves, in {@code tonight} (the staging table, or the table after a first load took it over). */
    public void afterMerge(Extract extract, String tonight) {
        if (!recording()) {
            return;
        }
        switch (extract) {
            case CONTRIBUTIONS -> {
                // a person's claims depend on the months up to their separation or benefit months only
                jdbc.update("INSERT INTO change_log (person_id, first_m, last_m)"
                        + " SELECT person_id, MIN(period_month), MAX(period_month) FROM " + tonight + " GROUP BY person_id");
                jdbc.update("INSERT INTO change_log (employer_id, first_m, last_m)"
                        + " SELECT employer_id, MIN(period_month), MAX(period_month) FROM " + tonight + " GROUP BY employer_id");
            }
            case CLAIMS -> claimsJoinedTo(tonight);
            // an employer's name and region appear in the alerts about it
            case EMPLOYERS -> jdbc.update("INSERT INTO change_log (employer_id, first_m, last_m) SELECT DISTINCT employer_id, ?, ?"
                    + " FROM " + tonight, ALL_MONTHS_FIRST, ALL_MONTHS_LAST);
            default -> {
                // the incremental claim rules read no other extract
            }
        }
    }

    /** The claims table's rows for tonight's claim ids: before the merge the old values, after it the new. */
    private void claimsJoinedTo(String tonight) {
        jdbc.update("INSERT INTO change_log (person_id, first_m, last_m) SELECT DISTINCT c.person_id, ?, ? FROM claim c"
                + " WHERE c.claim_id IN (SELECT claim_id FROM " + tonight + ")", ALL_MONTHS_FIRST, ALL_MONTHS_LAST);
        jdbc.update("INSERT INTO change_log (employer_id, first_m, last_m)"
                + " SELECT DISTINCT c.last_employer_id, c.app_month, c.app_month FROM claim c"
                + " WHERE c.claim_id IN (SELECT claim_id FROM " + tonight + ")");
    }

    private boolean recording() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM screening_basis)", Boolean.class));
    }
}
