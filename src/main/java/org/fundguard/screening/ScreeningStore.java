package org.fundguard.screening;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores a run's flags and alerts (case_flag, alert) and keeps the first dates (flag_first,
 * alert_first). Everything for an as-of date is replaced when the date is screened again, so a
 * rerun changes nothing but a restarted one completes what was missing.
 */
@Repository
public class ScreeningStore {

    private static final String SECRET = "alert-id";
    private final JdbcTemplate jdbc;

    public ScreeningStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void clear(LocalDate asOf, String itemType) {
        jdbc.update("DELETE FROM case_flag WHERE as_of = ? AND item_type = ?", asOf, itemType);
    }

    public void clearAlerts(LocalDate asOf, List<String> rules) {
        for (String rule : rules) {
            jdbc.update("DELETE FROM alert WHERE as_of = ? AND rule = ?", asOf, rule);
        }
    }

    public void saveFlags(LocalDate asOf, RuleRun run) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, SortedSet<String>> e : run.flags().entrySet()) {
            rows.add(new Object[] {asOf, run.itemType(), e.getKey(), run.rule().code(), run.rule().severity().name(),
                    String.join("；", e.getValue())});
            if (rows.size() == 1000) {
                insertFlags(rows);
                rows.clear();
            }
        }
        insertFlags(rows);
    }

    private void insertFlags(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO case_flag (as_of, item_type, item_id, rule, severity, evidence) VALUES (?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /**
     * Incremental screening: copies the basis night's flags of the rule's in-scope live claims
     * outside its focus, and its alerts outside the alert focus, to D; returns both counts.
     */
    public int[] carryOver(RuleRun run, LocalDate base) {
        IncrementalRule rule = (IncrementalRule) run.rule();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        MapSqlParameterSource p = run.sqlParameters().addValue("base", base).addValue("rule", rule.code())
                .addValue("itemType", run.itemType());
        int flags = named.update("INSERT INTO case_flag (as_of, item_type, item_id, rule, severity, evidence)"
                + " SELECT :asOf, f.item_type, f.item_id, f.rule, f.severity, f.evidence FROM case_flag f"
                + " JOIN claim c ON c.claim_id = f.item_id"
                + " WHERE f.as_of = :base AND f.item_type = :itemType AND f.rule = :rule"
                + " AND c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d AND NOT " + run.focus("c"), p);
        String alertFocus = rule.alertFocus("a");
        int alerts = alertFocus == null ? 0 : named.update("INSERT INTO alert (as_of, alert_id, rule, severity, entity_type, entity_id,"
                + " entity_name, region_code, period_start, period_end, metric, metric_value, threshold, related_cases)"
                + " SELECT :asOf, a.alert_id, a.rule, a.severity, a.entity_type, a.entity_id, a.entity_name, a.region_code,"
                + " a.period_start, a.period_end, a.metric, a.metric_value, a.threshold, a.related_cases FROM alert a"
                + " WHERE a.as_of = :base AND a.rule = :rule AND NOT (" + alertFocus + ")", p);
        return new int[] {flags, alerts};
    }

    public void saveAlerts(LocalDate asOf, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        Mac mac = mac();
        List<Object[]> rows = new ArrayList<>();
        for (Alert a : alerts) {
            rows.add(new Object[] {asOf, alertId(mac, a), a.rule(), a.severity().name(), a.entityType(), a.entityId(), a.entityName(),
                    a.regionCode(), a.periodStart(), a.periodEnd(), a.metric(), a.value(), a.threshold(), a.relatedCases()});
        }
        jdbc.batchUpdate("INSERT INTO alert (as_of, alert_id, rule, severity, entity_type, entity_id, entity_name, region_code,"
                + " period_start, period_end, metric, metric_value, threshold, related_cases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Records the first as-of date of every case flagged and alert raised on {@code asOf}. */
    public void rememberFirstDates(LocalDate asOf) {
        jdbc.update("UPDATE flag_first SET first_flagged_on = ? WHERE first_flagged_on > ? AND EXISTS (SELECT 1 FROM case_flag f"
                + " WHERE f.as_of = ? AND f.item_type = flag_first.item_type AND f.item_id = flag_first.item_id)", asOf, asOf, asOf);
        jdbc.update("INSERT INTO flag_first (item_type, item_id, first_flagged_on) SELECT DISTINCT f.item_type, f.item_id, f.as_of"
                + " FROM case_flag f WHERE f.as_of = ? AND NOT EXISTS (SELECT 1 FROM flag_first x WHERE x.item_type = f.item_type"
                + " AND x.item_id = f.item_id)", asOf);
        jdbc.update("UPDATE alert_first SET first_raised_on = ? WHERE first_raised_on > ? AND EXISTS (SELECT 1 FROM alert a"
                + " WHERE a.as_of = ? AND a.alert_id = alert_first.alert_id)", asOf, asOf, asOf);
        jdbc.update("INSERT INTO alert_first (alert_id, first_raised_on) SELECT DISTINCT a.alert_id, a.as_of FROM alert a"
                + " WHERE a.as_of = ? AND NOT EXISTS (SELECT 1 FROM alert_first x WHERE x.alert_id = a.alert_id)", asOf);
    }

    /**
     * First 16 hex digits of HMAC-SHA256 over rule, entity type, entity and period start, keyed
     * by the database's secret: stable across runs, and not reversible to a phone number by
     * trying all numbers.
     */
    static String alertId(Mac mac, Alert a) {
        String message = a.rule() + "|" + a.entityType() + "|" + a.identity() + "|" + a.periodStart();
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private Mac mac() {
        List<String> secret = jdbc.queryForList("SELECT secret FROM app_secret WHERE name = ?", String.class, SECRET);
        String key;
        if (secret.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = HexFormat.of().formatHex(random);
            jdbc.update("INSERT INTO app_secret (name, secret) VALUES (?, ?)", SECRET, key);
        } else {
            key = secret.get(0);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
