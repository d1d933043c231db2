package org.fundguard.screening.claims;

import org.springframework.stereotype.Component;

/** NAT-04: overlapping claims of one person in different provinces. */
@Component
public class CrossProvinceDuplicate extends OverlappingClaimsRule {
    public CrossProvinceDuplicate() {
        super(false, "NAT-04", "CROSS_PROVINCE_DUPLICATE", "国 七 \"跨省重复领取失业保险金\"",
                "高危风险：与外省经办机构核对领金记录，确认重复领取的立即停发并追回");
    }
}
