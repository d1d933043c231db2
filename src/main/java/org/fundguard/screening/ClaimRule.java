package org.fundguard.screening;

/** A fund-risk rule over claims (LN-01..04, NAT-01..07): it flags claims for worklist.csv. */
public interface ClaimRule extends Rule {
}
