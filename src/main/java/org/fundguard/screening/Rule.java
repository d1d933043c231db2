package org.fundguard.screening;

import java.util.List;
import java.util.Map;
import org.fundguard.extract.Extract;

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

    /**
     * Optional extracts the rule needs: when one of them has never been loaded, the rule is
     * skipped and the summary says why (extracts.md, "available").
     */
    default List<Extract> needs() {
        return List.of();
    }

    /** Computes the rule and reports its flags and alerts to {@code run}. */
    void screen(RuleRun run);
}
