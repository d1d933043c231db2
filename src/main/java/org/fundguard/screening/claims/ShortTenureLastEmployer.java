package org.fundguard.screening.claims;

import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/** LN-04: fewer than {@code min_months} consecutive contribution months with the last employer. */
@Component
public class ShortTenureLastEmployer extends ContributionStreakRule {
    public ShortTenureLastEmployer() {
        super(LAST_EMPLOYER, NO_PERIOD_LAST_EMPLOYER, "在最后参保单位", "LN-04", "SHORT_TENURE_LAST_EMPLOYER", "辽 三 \"最后参保单位连续缴费不足6个月申领\"",
                Severity.VERIFY, "核实与最后参保单位的劳动关系及缴费真实性，经办窗口审核相关材料后再继续办理", "6");
    }
}
