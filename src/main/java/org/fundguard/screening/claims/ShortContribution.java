package org.fundguard.screening.claims;

import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/** NAT-03: fewer than {@code min_months} consecutive contribution months with any employer. */
@Component
public class ShortContribution extends ContributionStreakRule {
    public ShortContribution() {
        super(ANY_EMPLOYER, NO_PERIOD_ANY_EMPLOYER, "", "NAT-03", "SHORT_CONTRIBUTION", "国 七 \"连续缴费不足3个月申领失业保险金\"", Severity.HIGH,
                "高危风险：核实参保缴费真实性及是否存在短期参保骗领，核实前暂缓发放", "3");
    }
}
