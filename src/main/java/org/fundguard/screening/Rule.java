package org.fundguard.screening;

import java.util.Map;

/**
 * One screening rule of rules.md as one named unit: its stable code, the policy clause it
 * implements, its parameters with the policy's defaults, and its set-based computation.
 * Parameters are job-definition keys {@code rule.<code>.<name>}.
 */
public interface Rule {

    /** The stable code, e.g. {@code LN-02}. */
    String code();

    /** The stable name, e.g. {@code EMPLOYER_MONTHLY_CLAIMS}. */
    String name();

    /** The policy clause, e.g. {@code 辽 三 "同一单位当月10人(含)以上申领"}. */
    String clause();

    Severity severity();

    /** What the office must do with a case this rule flags, in Chinese. */
    String action();

    /** Parameter name → default (the policy as written). */
    Map<String, String> defaults();

    /** Computes the rule and reports its flags and alerts to {@code run}. */
    void screen(RuleRun run);
}
