package org.fundguard.screening.subsidies;

import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.Severity;
import org.fundguard.screening.SubsidyRule;

/**
 * What the skills-upgrading subsidy rules share (rules.md, "Skills-upgrading subsidies"): severity
 * {@code VERIFY} ("及时联系职业技能鉴定部门重点核查"), applications with status {@code REJECTED} are never
 * flagged, and only in-scope applications ({@code application_date} in [D − 365, D]) are.
 */
abstract class SubsidyRuleBase extends AbstractRule implements SubsidyRule {

    /** Applications that count: not rejected, dated up to D (alias {@code s}). */
    static final String COUNTED = "s.status <> 'REJECTED' AND s.app_day <= :d";
    /** Applications that can be flagged: not rejected and in scope (alias {@code s}). */
    static final String FLAGGABLE = "s.status <> 'REJECTED' AND s.app_day BETWEEN :scopeStart AND :d";

    SubsidyRuleBase(String code, String name, String clause, String action, String... defaults) {
        super(code, name, clause, Severity.VERIFY, action, defaults);
    }
}
