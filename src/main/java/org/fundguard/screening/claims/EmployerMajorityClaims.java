package org.fundguard.screening.claims;

import org.fundguard.screening.Employers;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/** LN-03: more than half of the employer's insured staff of the window claimed (辽 三 "超半数职工申领"). */
@Component
public class EmployerMajorityClaims extends ClaimShareRule {
    public EmployerMajorityClaims(Employers employers) {
        super(employers, "c2.status <> 'WITHDRAWN'", "申领", "claimant_share", "LN-03", "EMPLOYER_MAJORITY_CLAIMS",
                "辽 三 \"超半数职工申领\"", Severity.VERIFY,
                "核实该单位经营状况及职工离职真实性，经办窗口审核相关材料后再继续办理", "0.5", "12", "1");
    }
}
