package org.fundguard.screening.claims;

import org.fundguard.extract.Months;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.IncrementalRule;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;

/**
 * LN-04 and NAT-03: the run of consecutive contribution periods ending at L, the latest period
 * up to the separation month (with the last employer, or with any employer), read from the
 * islands of consecutive months the load keeps (ContributionIslands).
 */
abstract class ContributionStreakRule extends AbstractRule implements IncrementalRule {

    private static final String CLAIMS = """
            cl AS (SELECT c.claim_id, c.person_id, c.last_employer_id, c.sep_month FROM claim c
                    WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d AND %1$s)""";

    /**
     * Claims with at least one period up to the separation month: the latest island's streak. The
     * windowed set drives the query (H2 would re-run it per claim if it were joined as the inner side).
     */
    private static final String STREAKS = "SELECT r.claim_id, r.l, r.l - r.first_p + 1 AS streak FROM ranked r"
            + " WHERE r.rn = 1 AND r.l - r.first_p + 1 < :min_months";

    /** Claims without any contribution period up to the separation month: streak 0 (index lookups only). */
    static final String NO_PERIOD_LAST_EMPLOYER = """
            SELECT c.claim_id FROM claim c
             WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d AND :min_months > 0 AND %1$s
               AND NOT EXISTS (SELECT 1 FROM contribution k WHERE k.person_id = c.person_id
                                 AND k.employer_id = c.last_employer_id AND k.period_month <= c.sep_month)
            """;

    static final String NO_PERIOD_ANY_EMPLOYER = """
            SELECT c.claim_id FROM claim c
             WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d AND :min_months > 0 AND %1$s
               AND NOT EXISTS (SELECT 1 FROM contribution k WHERE k.person_id = c.person_id
                                 AND k.period_month <= c.sep_month)
            """;

    /**
     * The islands of the person with the claim's last employer (ContributionIslands), cut at the
     * as-of month: the same runs as the periods up to D would give.
     */
    static final String LAST_EMPLOYER = "WITH " + CLAIMS + """
            ,
            ranked AS (SELECT cl.claim_id, i.first_p, LEAST(i.last_p, cl.sep_month, :dMonth) AS l,
                              ROW_NUMBER() OVER (PARTITION BY cl.claim_id ORDER BY i.first_p DESC) AS rn
                         FROM cl JOIN employment_island i ON i.person_id = cl.person_id AND i.employer_id = cl.last_employer_id
                                                         AND i.first_p <= cl.sep_month AND i.first_p <= :dMonth)
            """ + STREAKS;

    /** The islands of the person with any employer (months with several employers count once). */
    static final String ANY_EMPLOYER = "WITH " + CLAIMS + """
            ,
            ranked AS (SELECT cl.claim_id, i.first_p, LEAST(i.last_p, cl.sep_month, :dMonth) AS l,
                              ROW_NUMBER() OVER (PARTITION BY cl.claim_id ORDER BY i.first_p DESC) AS rn
                         FROM cl JOIN insured_island i ON i.person_id = cl.person_id
                                                      AND i.first_p <= cl.sep_month AND i.first_p <= :dMonth)
            """ + STREAKS;

    private final String sql;
    private final String noPeriodSql;
    private final String with;

    ContributionStreakRule(String sql, String noPeriodSql, String with, String code, String name, String clause,
                           Severity severity, String action, String minMonths) {
        super(code, name, clause, severity, action, "min_months", minMonths);
        this.sql = sql;
        this.noPeriodSql = noPeriodSql;
        this.with = with;
    }

    /**
     * A claim's streak depends only on its own row and its person's contribution months up to
     * its separation month (cut at D's month): the persons of the night's focus whose changed
     * months begin by then.
     */
    @Override
    public String focus(String alias) {
        return IncrementalRule.personInFocusBy(alias + ".person_id", alias + ".sep_month");
    }

    @Override
    public void screen(RuleRun run) {
        int min = run.integer("min_months");
        String focus = run.focus("c");
        run.query(sql.formatted(focus), rs -> run.flag(rs.getString("claim_id"), code() + " " + with + "连续缴费" + rs.getInt("streak") + "个月，截至"
                + Months.format(rs.getInt("l")) + "(阈值" + min + "个月)"));
        run.query(noPeriodSql.formatted(focus), rs -> run.flag(rs.getString("claim_id"), code() + " 离职前" + with + "无缴费记录(阈值" + min + "个月)"));
    }
}
