package org.fundguard.screening.claims;

import org.springframework.stereotype.Component;

/** NAT-05: overlapping claims of one person in the same province. */
@Component
public class DuplicateClaim extends OverlappingClaimsRule {
    public DuplicateClaim() {
        super(true, "NAT-05", "DUPLICATE_CLAIM", "国 七 \"重复领取失业保险待遇\"",
                "高危风险：核对本省重复申领记录，确认重复领取的立即停发并追回");
    }
}
