package org.fundguard.screening;

import java.util.LinkedHashMap;
import java.util.Map;

/** The identity of a rule (code, name, clause, severity, action, parameters) held in one place. */
public abstract class AbstractRule implements Rule {

    /** Live claims: every status but WITHDRAWN (rules.md, Notation). */
    protected static final String LIVE = "status <> 'WITHDRAWN'";
    /** Statuses of people who received benefits. */
    protected static final String BENEFIT_STATUSES = "('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED')";

    private final String code;
    private final String name;
    private final String clause;
    private final Severity severity;
    private final String action;
    private final Map<String, String> defaults;

    protected AbstractRule(String code, String name, String clause, Severity severity, String action, String... defaults) {
        this.code = code;
        this.name = name;
        this.clause = clause;
        this.severity = severity;
        this.action = action;
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i += 2) {
            d.put(defaults[i], defaults[i + 1]);
        }
        this.defaults = Map.copyOf(d);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String clause() {
        return clause;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public Map<String, String> defaults() {
        return defaults;
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
