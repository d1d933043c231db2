package org.fundguard.extract;

import org.fundguard.run.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code employment_island}, {@code insured_island} (runs of consecutive contribution
 * months) and {@code employer_month} (V10) equal to what the contributions imply (contribution
 * rows are only ever added or corrected in place, never removed). Called by the merge, on its transaction,
 * after a contributions file is merged and before its staging table is emptied: only the persons
 * of that file are recomputed, or everything after a first (bulk) load. The claim rules read the
 * islands instead of the monthly rows.
 */
@Component
public class ContributionIslands {

    private static final Logger log = LoggerFactory.getLogger(ContributionIslands.class);

    /** Persons restricted to those staged tonight; empty for a full rebuild. */
    private static final String TOUCHED = " WHERE person_id IN (SELECT person_id FROM stg_contribution)";

    /**
     * One pass over the contributions in key order: a month whose predecessor is missing starts an
     * island, one whose successor is missing ends it; of those rows only, each start is paired
     * with the end that follows it (a one-month island is both).
     */
    private static final String EMPLOYMENT = """
            INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
            SELECT person_id, employer_id, first_p, last_p,
                   LEAD(first_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p)
              FROM (SELECT person_id, employer_id, period_month AS first_p, is_start,
                           CASE WHEN is_end = 1 THEN period_month
                                ELSE LEAD(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month) END AS last_p
                      FROM (SELECT person_id, employer_id, period_month,
                                   CASE WHEN LAG(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month)
                                             = period_month - 1 THEN 0 ELSE 1 END AS is_start,
                                   CASE WHEN LEAD(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month)
                                             = period_month + 1 THEN 0 ELSE 1 END AS is_end
                              FROM contribution%s) b
                     WHERE is_start = 1 OR is_end = 1) e
             WHERE is_start = 1
            """;

    /**
     * The islands with any employer, merged from the islands with each employer (about one row
     * per person instead of two dozen): an island starts where no earlier one of the person
     * reaches to the month before.
     */
    private static final String INSURED = """
            INSERT INTO insured_island (person_id, first_p, last_p)
            SELECT person_id, MIN(first_p), MAX(last_p)
              FROM (SELECT person_id, first_p, last_p,
                           SUM(is_start) OVER (PARTITION BY person_id ORDER BY first_p, last_p ROWS UNBOUNDED PRECEDING) AS g
                      FROM (SELECT person_id, first_p, last_p,
                                   CASE WHEN first_p <= MAX(last_p) OVER (PARTITION BY person_id ORDER BY first_p, last_p
                                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1
                                        THEN 0 ELSE 1 END AS is_start
                              FROM employment_island%s) a) b
             GROUP BY person_id, g
            """;

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    public ContributionIslands(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Recomputes the islands of the persons in {@code stg_contribution}, or of everyone when {@code all}. */
    public void refresh(boolean all) {
        long start = System.nanoTime();
        String where = all ? "" : TOUCHED;
        if (all) {
            jdbc.execute(dialect.truncate("employment_island"));
            jdbc.execute(dialect.truncate("insured_island"));
            jdbc.execute(dialect.truncate("employer_month"));
        } else {
            jdbc.update("DELETE FROM employment_island" + TOUCHED);
            jdbc.update("DELETE FROM insured_island" + TOUCHED);
        }
        int months = jdbc.update(all ? "INSERT INTO employer_month (employer_id, period_month)"
                + " SELECT DISTINCT employer_id, period_month FROM contribution"
                : "INSERT INTO employer_month (employer_id, period_month)"
                + " SELECT DISTINCT s.employer_id, s.period_month FROM stg_contribution s WHERE NOT EXISTS"
                + " (SELECT 1 FROM employer_month m WHERE m.employer_id = s.employer_id AND m.period_month = s.period_month)");
        int employment = jdbc.update(EMPLOYMENT.formatted(where));
        int insured = jdbc.update(INSURED.formatted(where));
        if (dialect == Dialect.POSTGRESQL && (all || employment >= ExtractMerger.ANALYZE_AFTER_ROWS)) {
            jdbc.execute("ANALYZE employment_island");
            jdbc.execute("ANALYZE insured_island");
            jdbc.execute("ANALYZE employer_month");
        }
        log.info("contribution islands: {} with one employer, {} with any, {} new employer months; {} in {} ms", employment,
                insured, months,
                all ? "all persons" : "tonight's persons", (System.nanoTime() - start) / 1_000_000);
    }
}
