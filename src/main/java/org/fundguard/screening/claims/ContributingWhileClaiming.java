package org.fundguard.screening.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Months;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.IncrementalRule;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/**
 * NAT-07: a contribution with any employer in a benefit month, the months
 * [month(benefit_start) + 1, month(min(benefit_end, D))]; the start month is left out (its
 * contribution may be the last wage of the old job).
 */
@Component
public class ContributingWhileClaiming extends AbstractRule implements IncrementalRule {

    private static final String SQL = """
            SELECT c.claim_id, k.employer_id, k.period_month
              FROM claim c
              JOIN contribution k ON k.person_id = c.person_id
                                 AND k.period_month >= c.bstart_month + 1
                                 AND k.period_month <= LEAST(COALESCE(c.bend_month, :dMonth), :dMonth)
             WHERE c.status IN ('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED') AND c.bstart_day IS NOT NULL
               AND c.app_day BETWEEN :scopeStart AND :d AND %s
             ORDER BY c.claim_id, k.period_month, k.employer_id
            """;

    /** Evidence lists at most this many employer-months, then says how many more. */
    private static final int MAX_ITEMS = 12;

    public ContributingWhileClaiming() {
        super("NAT-07", "CONTRIBUTING_WHILE_CLAIMING", "国 七 \"严肃查处骗取套取、虚报冒领、重复领取失业保险待遇等违法违规行为\"",
                Severity.HIGH, "高危风险：核实领金期间是否已重新就业，已就业的停发并追回多领待遇");
    }

    /**
     * A claim's flag depends only on its own row and its person's contribution months up to its
     * last benefit month (D's month at the latest): the persons of the night's focus whose
     * changed months begin by then.
     */
    @Override
    public String focus(String alias) {
        return IncrementalRule.personInFocusBy(alias + ".person_id", "LEAST(COALESCE(" + alias + ".bend_month, :dMonth), :dMonth)");
    }

    @Override
    public void screen(RuleRun run) {
        Map<String, List<String>> items = new TreeMap<>();
        run.query(SQL.formatted(run.focus("c")), rs -> items.computeIfAbsent(rs.getString("claim_id"), k -> new ArrayList<>())
                .add(Months.format(rs.getInt("period_month")) + " " + rs.getString("employer_id")));
        items.forEach((claim, list) -> {
            String shown = String.join("、", list.subList(0, Math.min(MAX_ITEMS, list.size())));
            String more = list.size() > MAX_ITEMS ? "等" + list.size() + "条" : "";
            run.flag(claim, "NAT-07 领金期间有缴费记录：" + shown + more);
        });
    }
}
