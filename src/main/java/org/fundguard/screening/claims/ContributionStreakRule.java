package org.fundguard.screening.claims;

import org.fundguard.extract.Months;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.ClaimRule;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;

/**
 * LN-04 and NAT-03: the run of consecutive contribution periods ending at L, the latest period
 * up to the separation month (with the last employer, or with any employer). Computed set-based
 * as gaps and islands: periods minus their row number are constant along a run.
 */
abstract class ContributionStreakRule extends AbstractRule implements ClaimRule {

    private static final String CLAIMS = """
            cl AS (SELECT claim_id, person_id, last_employer_id, sep_month FROM claim
                    WHERE status <> 'WITHDRAWN' AND app_day BETWEEN :scopeStart AND :d)""";

    /** Islands of consecutive periods of a person with the claim's last employer. */
    static final String LAST_EMPLOYER = "WITH " + CLAIMS + """
            ,
            k AS (SELECT k.person_id, k.period_month,
                         k.period_month - ROW_NUMBER() OVER (PARTITION BY k.person_id, k.employer_id ORDER BY k.period_month) AS grp,
                         k.employer_id
                    FROM contribution k
                   WHERE k.period_month <= :dMonth
                     AND EXISTS (SELECT 1 FROM cl WHERE cl.person_id = k.person_id AND cl.last_employer_id = k.employer_id)),
            isl AS (SELECT person_id, employer_id, MIN(period_month) AS first_p, MAX(period_month) AS last_p
                      FROM k GROUP BY person_id, employer_id, grp),
            ranked AS (SELECT cl.claim_id, isl.first_p, LEAST(isl.last_p, cl.sep_month) AS l,
                              ROW_NUMBER() OVER (PARTITION BY cl.claim_id ORDER BY isl.first_p DESC) AS rn
                         FROM cl JOIN isl ON isl.person_id = cl.person_id AND isl.employer_id = cl.last_employer_id
                                         AND isl.first_p <= cl.sep_month)
            """ + "SELECT cl.claim_id, r.l, COALESCE(r.l - r.first_p + 1, 0) AS streak"
            + " FROM cl LEFT JOIN ranked r ON r.claim_id = cl.claim_id AND r.rn = 1"
            + " WHERE COALESCE(r.l - r.first_p + 1, 0) < :min_months";

    /** Islands of consecutive periods of a person with any employer. */
    static final String ANY_EMPLOYER = "WITH " + CLAIMS + """
            ,
            p AS (SELECT DISTINCT k.person_id, k.period_month FROM contribution k
                   WHERE k.period_month <= :dMonth AND EXISTS (SELECT 1 FROM cl WHERE cl.person_id = k.person_id)),
            k AS (SELECT person_id, period_month,
                         period_month - ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY period_month) AS grp
                    FROM p),
            isl AS (SELECT person_id, MIN(period_month) AS first_p, MAX(period_month) AS last_p FROM k GROUP BY person_id, grp),
            ranked AS (SELECT cl.claim_id, isl.first_p, LEAST(isl.last_p, cl.sep_month) AS l,
                              ROW_NUMBER() OVER (PARTITION BY cl.claim_id ORDER BY isl.first_p DESC) AS rn
                         FROM cl JOIN isl ON isl.person_id = cl.person_id AND isl.first_p <= cl.sep_month)
            """ + "SELECT cl.claim_id, r.l, COALESCE(r.l - r.first_p + 1, 0) AS streak"
            + " FROM cl LEFT JOIN ranked r ON r.claim_id = cl.claim_id AND r.rn = 1"
            + " WHERE COALESCE(r.l - r.first_p + 1, 0) < :min_months";

    private final String sql;
    private final String with;

    ContributionStreakRule(String sql, String with, String code, String name, String clause, Severity severity,
                           String action, String minMonths) {
        super(code, name, clause, severity, action, "min_months", minMonths);
        this.sql = sql;
        this.with = with;
    }

    @Override
    public void screen(RuleRun run) {
        int min = run.integer("min_months");
        run.query(sql, rs -> {
            int streak = rs.getInt("streak");
            String evidence = streak == 0
                    ? code() + " 离职前" + with + "无缴费记录(阈值" + min + "个月)"
                    : code() + " " + with + "连续缴费" + streak + "个月，截至" + Months.format(rs.getInt("l")) + "(阈值" + min + "个月)";
            run.flag(rs.getString("claim_id"), evidence);
        });
    }
}
