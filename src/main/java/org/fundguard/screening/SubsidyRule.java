package org.fundguard.screening;

/** An anomaly rule over skills-upgrading subsidy applications (SKL-01..08): it flags applications for subsidy-worklist.csv. */
public interface SubsidyRule extends Rule {
}
