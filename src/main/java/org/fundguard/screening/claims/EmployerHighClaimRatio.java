package org.fundguard.screening.claims;

import org.fundguard.screening.Employers;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/**
 * NAT-02: the share of people who received benefits (APPROVED, PAYING, SUSPENDED, ENDED) among
 * the employer's insured staff is too high (国 七 "领取失业保险金人数占用人单位参保总人数比例过高").
 */
@Component
public class EmployerHighClaimRatio extends ClaimShareRule {
    public EmployerHighClaimRatio(Employers employers) {
        super(employers, "c2.status IN ('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED')", "领金", "beneficiary_share", "NAT-02",
                "EMPLOYER_HIGH_CLAIM_RATIO", "国 七 \"领取失业保险金人数占用人单位参保总人数比例过高\"", Severity.HIGH,
                "高危风险：及时核查该单位参保及领金人员情况，核实前暂缓发放", "0.3", "12", "10");
    }
}
