package org.fundguard.screening.claims;

import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.ClaimRule;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;

/**
 * NAT-04 and NAT-05: two live, non-rejected claims of one person whose coverages share a day.
 * Coverage: [benefit_start, benefit_end] when both are set, [benefit_start, benefit_start] when
 * only the start is, otherwise [application_date, application_date].
 */
abstract class OverlappingClaimsRule extends AbstractRule implements ClaimRule {

    private static final String SQL = """
            WITH cv AS (
              SELECT claim_id, person_id, region_code, app_day,
                     CASE WHEN bstart_day IS NOT NULL THEN bstart_day ELSE app_day END AS f,
                     CASE WHEN bstart_day IS NOT NULL AND bend_day IS NOT NULL THEN bend_day
                          WHEN bstart_day IS NOT NULL THEN bstart_day ELSE app_day END AS t
                FROM claim
               WHERE status NOT IN ('WITHDRAWN', 'REJECTED') AND app_day <= :d
                 AND person_id IN (SELECT person_id FROM claim WHERE status NOT IN ('WITHDRAWN', 'REJECTED') AND app_day <= :d
                                    GROUP BY person_id HAVING COUNT(*) > 1))
            SELECT a.claim_id, b.claim_id AS other_id, b.region_code AS other_region
              FROM cv a JOIN cv b ON b.person_id = a.person_id AND b.claim_id <> a.claim_id AND a.f <= b.t AND b.f <= a.t
             WHERE a.app_day >= :scopeStart AND SUBSTRING(a.region_code, 1, 2) %s SUBSTRING(b.region_code, 1, 2)
            """;

    private final boolean sameProvince;

    OverlappingClaimsRule(boolean sameProvince, String code, String name, String clause, String action) {
        super(code, name, clause, Severity.HIGH, action);
        this.sameProvince = sameProvince;
    }

    @Override
    public void screen(RuleRun run) {
        run.query(SQL.formatted(sameProvince ? "=" : "<>"), rs -> {
            String other = rs.getString("other_id");
            run.flag(rs.getString("claim_id"), sameProvince
                    ? code() + " 与本省申领" + other + "(" + rs.getString("other_region") + ")待遇期重叠"
                    : code() + " 与外省申领" + other + "(" + rs.getString("other_region") + ")待遇期重叠");
        });
    }
}
