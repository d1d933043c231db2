package org.fundguard.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.Months;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One rule's run over the database for as-of date D: its effective parameters, the SQL
 * parameters every rule shares, and the flags and alerts it reports. Dates are compared as day
 * numbers (days since 1970-01-01) and months as month numbers (see the V5 migration).
 *
 * <p>Shared SQL parameters: {@code :d} (D as a day number), {@code :dMonth} (month(D)),
 * {@code :scopeStart} (D − 365 days), {@code :asOf} (D as a date), plus each rule parameter under
 * its own name (whole numbers as integers, others as exact decimals).
 */
public final class RuleRun {

    private final Rule rule;
    private final String itemType;
    private final JobDefinition definition;
    private final NamedParameterJdbcTemplate jdbc;
    private final LocalDate asOf;
    private final Map<String, SortedSet<String>> evidence = new TreeMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final boolean incremental;
    private final Map<String, Object> shared;

    public RuleRun(Rule rule, String itemType, JobDefinition definition, NamedParameterJdbcTemplate jdbc, LocalDate asOf) {
        this(rule, itemType, definition, jdbc, asOf, false, new java.util.HashMap<>());
    }

    /**
     * {@code incremental}: only the rule's focus is screened (IncrementalRule, CaseScreening);
     * {@code shared}: what the rules of one screening share (intermediate results), empty at its start.
     */
    public RuleRun(Rule rule, String itemType, JobDefinition definition, NamedParameterJdbcTemplate jdbc, LocalDate asOf,
                   boolean incremental, Map<String, Object> shared) {
        this.incremental = incremental;
        this.shared = shared;
        this.rule = rule;
        this.itemType = itemType;
        this.definition = definition;
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    public static String key(Rule rule, String parameter) {
        return "rule." + rule.code() + "." + parameter;
    }

    public Rule rule() {
        return rule;
    }

    /**
     * The SQL condition selecting the claims (table alias {@code alias}) this run screens: the
     * rule's focus on an incremental night, every claim otherwise.
     */
    public String focus(String alias) {
        return incremental ? "(" + ((IncrementalRule) rule).focus(alias) + ")" : "1 = 1";
    }

    /** Intermediate results the rules of one screening share, keyed by name. */
    public Map<String, Object> shared() {
        return shared;
    }

    /** Runs a statement with the shared and rule parameters; returns the rows changed. */
    public int update(String sql) {
        return jdbc.update(sql, sqlParameters());
    }

    public boolean incremental() {
        return incremental;
    }

    public String itemType() {
        return itemType;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int asOfDay() {
        return (int) asOf.toEpochDay();
    }

    public int asOfMonth() {
        return Months.of(asOf);
    }

    /** D − 365 days: the first day of the in-scope window. */
    public int scopeStartDay() {
        return asOfDay() - 365;
    }

    public int integer(String parameter) {
        return definition.integer(key(rule, parameter));
    }

    public BigDecimal decimal(String parameter) {
        return definition.decimal(key(rule, parameter));
    }

    public MapSqlParameterSource sqlParameters() {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("d", asOfDay())
                .addValue("dMonth", asOfMonth())
                .addValue("scopeStart", scopeStartDay())
                .addValue("asOf", asOf);
        for (String name : rule.defaults().keySet()) {
            BigDecimal value = decimal(name);
            p.addValue(name, value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0 ? (Object) value.intValueExact() : value);
        }
        return p;
    }

    /** Runs a query with the shared and rule parameters, streaming its rows. */
    public void query(String sql, RowCallbackHandler rows) {
        jdbc.query(sql, sqlParameters(), rows);
    }

    /** As {@link #query(String, RowCallbackHandler)}, with extra parameters of the rule's own. */
    public void query(String sql, MapSqlParameterSource extra, RowCallbackHandler rows) {
        MapSqlParameterSource p = sqlParameters();
        for (String name : extra.getParameterNames()) {
            p.addValue(name, extra.getValue(name));
        }
        jdbc.query(sql, p, rows);
    }

    /** Flags a case; several clauses for one case are joined in a stable (sorted) order. */
    public void flag(String itemId, String clause) {
        evidence.computeIfAbsent(itemId, k -> new TreeSet<>()).add(clause);
    }

    public void alert(Alert alert) {
        alerts.add(alert);
    }

    /** Case id → evidence clauses, sorted by case id. */
    public Map<String, SortedSet<String>> flags() {
        return evidence;
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public static LocalDate day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
