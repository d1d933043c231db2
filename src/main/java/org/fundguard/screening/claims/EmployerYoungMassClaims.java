package org.fundguard.screening.claims;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Months;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.Alert;
import org.fundguard.screening.ClaimRule;
import org.fundguard.screening.Employers;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/**
 * LN-01: an employer insured fewer than {@code min_insured_months} months (distinct periods up
 * to the claim's application month) with at least {@code min_claimants} distinct claimants of
 * live claims dated up to D.
 */
@Component
public class EmployerYoungMassClaims extends AbstractRule implements ClaimRule {

    static final String SQL = """
            SELECT x.claim_id, x.last_employer_id, x.claimants, x.insured_months
            FROM (SELECT c.claim_id, c.last_employer_id, cum.n AS claimants,
                         (SELECT COUNT(*) FROM employer_month k
                           WHERE k.employer_id = c.last_employer_id AND k.period_month <= c.app_month) AS insured_months
                    FROM claim c
                    JOIN (SELECT last_employer_id, COUNT(DISTINCT person_id) AS n FROM claim
                           WHERE status <> 'WITHDRAWN' AND app_day <= :d
                           GROUP BY last_employer_id HAVING COUNT(DISTINCT person_id) >= :min_claimants) cum
                      ON cum.last_employer_id = c.last_employer_id
                   WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d) x
            WHERE x.insured_months < :min_insured_months
            """;

    private final Employers employers;

    public EmployerYoungMassClaims(Employers employers) {
        super("LN-01", "EMPLOYER_YOUNG_MASS_CLAIMS", "辽 三 \"用人单位累计参保不足6个月但累计50人(含)以上申领\"", Severity.VERIFY,
                "核实该单位参保登记及劳动关系真实性，经办窗口审核可证实真实劳动关系的材料后再继续办理",
                "min_insured_months", "6", "min_claimants", "50");
        this.employers = employers;
    }

    @Override
    public void screen(RuleRun run) {
        int minMonths = run.integer("min_insured_months");
        int minClaimants = run.integer("min_claimants");
        Map<String, Integer> claimants = new TreeMap<>();
        Map<String, Integer> flagged = new HashMap<>();
        run.query(SQL, rs -> {
            String employer = rs.getString("last_employer_id");
            run.flag(rs.getString("claim_id"), "LN-01 该单位至申领当月累计参保" + rs.getInt("insured_months") + "个月(阈值不足" + minMonths
                    + "个月)、累计申领" + rs.getInt("claimants") + "人(阈值" + minClaimants + "人)");
            claimants.put(employer, rs.getInt("claimants"));
            flagged.merge(employer, 1, Integer::sum);
        });
        Map<String, Employers.Info> info = employers.find(claimants.keySet());
        for (Map.Entry<String, Integer> e : claimants.entrySet()) {
            Integer first = employers.firstInsuredMonth(e.getKey(), run.asOfMonth());
            LocalDate start = first == null ? run.asOf() : Months.toYearMonth(first).atDay(1);
            Employers.Info employer = info.get(e.getKey());
            run.alert(new Alert(code(), severity(), "EMPLOYER", e.getKey(), e.getKey(), employer == null ? null : employer.name(),
                    employer == null ? null : employer.regionCode(), start, run.asOf(), "cum_claimants",
                    e.getValue().toString(), Integer.toString(minClaimants), flagged.get(e.getKey())));
        }
    }
}
