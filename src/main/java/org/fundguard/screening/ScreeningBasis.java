package org.fundguard.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.ChangeLog;
import org.fundguard.extract.Months;
import org.fundguard.run.Dialect;
import org.fundguard.run.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The basis of incremental screening (V14): the latest night whose claim screening the next
 * night can build on, per rule with the parameters it ran with, and the night's focus derived
 * from what the merges changed since then (change_log) and from how far D moved.
 *
 * <p>A rule screens incrementally only when its basis is strictly earlier than D and was
 * screened with the same parameters by the same rules revision; otherwise (first night, rerun
 * of a date, backfill of an earlier date, changed thresholds, upgraded rules, or
 * {@code screening.incremental=false}) it screens everything, which is always correct.
 */
@Repository
public class ScreeningBasis {

    /**
     * Bump whenever an incremental rule's computation changes: flags carried over from a basis
     * screened by other rules would be stale.
     */
    static final int RULES_REVISION = 1;

    private static final Logger log = LoggerFactory.getLogger(ScreeningBasis.class);

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    public ScreeningBasis(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The rule's effective parameters and the code that ran them, as stored with the basis. */
    public static String parameters(Rule rule, JobDefinition definition) {
        StringBuilder s = new StringBuilder();
        for (String name : new TreeSet<>(rule.defaults().keySet())) {
            String value = definition.get(RuleRun.key(rule, name));
            try {
                value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString(); // 0.50 and 0.5 are one threshold
            } catch (NumberFormatException e) {
                // kept as written
            }
            s.append(name).append('=').append(value).append(';');
        }
        String version = ScreeningBasis.class.getPackage().getImplementationVersion();
        return s.append("revision=").append(RULES_REVISION).append(";version=").append(version == null ? "" : version).toString();
    }

    /** The basis date {@code rule} can build on at {@code asOf}, if any. */
    public Optional<LocalDate> base(Rule rule, String parameters, LocalDate asOf) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT as_of, parameters FROM screening_basis WHERE rule = ?", rule.code());
        if (rows.isEmpty() || !parameters.equals(rows.get(0).get("parameters"))) {
            return Optional.empty();
        }
        LocalDate base = RunLock.toDate(rows.get(0).get("as_of"));
        return base.isBefore(asOf) ? Optional.of(base) : Optional.empty();
    }

    /**
     * Fills the focus tables for screening {@code asOf} on top of {@code base} (IncrementalRule
     * says what each holds). Claims that entered the window (applied in (B, D]) or left it
     * (applied in [B − 365, D − 365)) put their person (every month) and employer month in
     * focus; when D moved to a later month, so does every person with a contribution month after
     * B's month, from the month after B's (it becomes visible to the rules that cut at D's month).
     */
    public void prepareFocus(LocalDate base, LocalDate asOf) {
        long start = System.nanoTime();
        jdbc.execute(dialect.truncate("focus_person"));
        jdbc.execute(dialect.truncate("focus_employer"));
        int b = (int) base.toEpochDay();
        int d = (int) asOf.toEpochDay();
        int baseMonth = Months.of(base);
        // a person's claims are re-screened from the earliest month that changed for them
        String laterMonths = Months.of(asOf) > baseMonth
                ? " UNION ALL SELECT person_id, " + (baseMonth + 1) + " FROM insured_island WHERE last_p > " + baseMonth : "";
        int persons = jdbc.update("INSERT INTO focus_person (person_id, first_m) SELECT person_id, MIN(first_m) FROM"
                + " (SELECT person_id, first_m FROM change_log WHERE person_id IS NOT NULL"
                + " UNION ALL SELECT person_id, " + ChangeLog.ALL_MONTHS_FIRST + " FROM claim WHERE app_day > ? AND app_day <= ?"
                + laterMonths + ") x GROUP BY person_id", b, d);
        int employers = jdbc.update("INSERT INTO focus_employer (employer_id, first_m, last_m)"
                + " SELECT employer_id, first_m, last_m FROM change_log WHERE employer_id IS NOT NULL"
                + " UNION SELECT last_employer_id, app_month, app_month FROM claim"
                + " WHERE (app_day > ? AND app_day <= ?) OR (app_day >= ? AND app_day < ?)", b, d, b - 365, d - 365);
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.execute("ANALYZE focus_person");
            jdbc.execute("ANALYZE focus_employer");
        }
        log.info("incremental screening on top of {}: {} persons and {} employer month ranges in focus ({} ms)", base, persons,
                employers, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * After the claim rules of {@code asOf}: unless an earlier date was screened (a backfill,
     * which leaves the basis for the next night alone), this night becomes the basis of the
     * rules it screened, and the change log starts afresh.
     */
    public void settle(LocalDate asOf, Map<String, String> screened) {
        LocalDate latest = RunLock.toDate(jdbc.queryForObject("SELECT MAX(as_of) FROM screening_basis", Object.class));
        if (latest != null && asOf.isBefore(latest)) {
            return;
        }
        jdbc.update("DELETE FROM screening_basis");
        screened.forEach((rule, parameters) ->
                jdbc.update("INSERT INTO screening_basis (rule, as_of, parameters) VALUES (?, ?, ?)", rule, asOf, parameters));
        jdbc.execute(dialect.truncate("change_log"));
    }
}
