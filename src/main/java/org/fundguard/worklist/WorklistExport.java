package org.fundguard.worklist;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.config.JobDefinition;
import org.fundguard.export.CsvTableWriter;
import org.fundguard.run.Dialect;
import org.fundguard.run.RunParameters;
import org.fundguard.screening.ReviewDeadline;
import org.fundguard.screening.Rule;
import org.fundguard.screening.RuleCatalogue;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * worklist.csv with its by-region split, and alerts.csv (outputs.md), streamed from the stored
 * flags of the run's as-of date in the contract's order.
 */
@Component
public class WorklistExport {

    public static final List<String> WORKLIST_HEADER = List.of("claim_id", "region_code", "person_id", "person_name",
            "last_employer_id", "employer_name", "application_date", "separation_date", "status", "severity", "rules",
            "evidence", "action", "review_deadline", "first_flagged_on", "is_new");
    public static final List<String> SUBSIDY_WORKLIST_HEADER = List.of("application_id", "region_code", "person_id",
            "applicant_type", "certificate_no", "occupation_code", "level", "issuing_org_id", "issue_date", "amount",
            "application_date", "status", "severity", "rules", "evidence", "action", "first_flagged_on", "is_new");
    public static final List<String> ALERTS_HEADER = List.of("alert_id", "rule", "severity", "entity_type", "entity_id",
            "entity_name", "region_code", "period_start", "period_end", "metric", "value", "threshold", "related_cases",
            "first_raised_on", "is_new");

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final CaseListWriter cases;

    public WorklistExport(JdbcTemplate jdbc, Dialect dialect, RuleCatalogue catalogue) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        Map<String, Rule> rules = new TreeMap<>();
        catalogue.all().forEach(r -> rules.put(r.code(), r));
        this.cases = new CaseListWriter(rules);
    }

    /** Text ordered by code point on both databases (PostgreSQL would otherwise use the locale). */
    private String ordered(String column) {
        return dialect == Dialect.POSTGRESQL ? column + " COLLATE \"C\"" : column;
    }

    public Tasklet worklistStep() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            writeWorklist(run, ReviewDeadline.of(JobDefinition.load(run.config())));
            return RepeatStatus.FINISHED;
        };
    }

    public Tasklet subsidyWorklistStep() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            writeSubsidyWorklist(run);
            return RepeatStatus.FINISHED;
        };
    }

    public Tasklet alertsStep() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            writeAlerts(run);
            return RepeatStatus.FINISHED;
        };
    }

    void writeWorklist(RunParameters run, ReviewDeadline deadline) {
        String sql = "SELECT f.item_id, f.rule, f.evidence, c.region_code, c.person_id, c.person_name, c.last_employer_id,"
                + " e.employer_name, c.application_date, c.separation_date, c.status, ff.first_flagged_on,"
                + " MIN(f.severity) OVER (PARTITION BY f.item_id) AS case_severity"
                + " FROM case_flag f JOIN claim c ON c.claim_id = f.item_id"
                + " LEFT JOIN employer e ON e.employer_id = c.last_employer_id"
                + " JOIN flag_first ff ON ff.item_type = f.item_type AND ff.item_id = f.item_id"
                + " WHERE f.as_of = ? AND f.item_type = 'CLAIM'"
                + " ORDER BY case_severity, " + ordered("c.region_code") + ", " + ordered("f.item_id") + ", " + ordered("f.rule");
        cases.write(jdbc, sql, run.asOf(), run.outDir(), "worklist.csv", WORKLIST_HEADER, new CaseListWriter.Columns() {
            @Override
            public Object[] cells(ResultSet rs) throws SQLException {
                return new Object[] {rs.getString("item_id"), rs.getString("region_code"), rs.getString("person_id"),
                        rs.getString("person_name"), rs.getString("last_employer_id"), rs.getString("employer_name"),
                        rs.getObject("application_date", LocalDate.class), rs.getObject("separation_date", LocalDate.class),
                        rs.getString("status")};
            }

            @Override
            public Object[] extra(Object[] cells) {
                return new Object[] {deadline.deadline((LocalDate) cells[6])};
            }
        });
    }

    void writeSubsidyWorklist(RunParameters run) {
        String sql = "SELECT f.item_id, f.rule, f.evidence, s.region_code, s.person_id, s.applicant_type, s.certificate_no,"
                + " s.occupation_code, s.cert_level, s.issuing_org_id, s.issue_date, s.amount, s.application_date, s.status,"
                + " ff.first_flagged_on, MIN(f.severity) OVER (PARTITION BY f.item_id) AS case_severity"
                + " FROM case_flag f JOIN subsidy s ON s.application_id = f.item_id"
                + " JOIN flag_first ff ON ff.item_type = f.item_type AND ff.item_id = f.item_id"
                + " WHERE f.as_of = ? AND f.item_type = 'SUBSIDY'"
                + " ORDER BY case_severity, " + ordered("s.region_code") + ", " + ordered("f.item_id") + ", " + ordered("f.rule");
        cases.write(jdbc, sql, run.asOf(), run.outDir(), "subsidy-worklist.csv", SUBSIDY_WORKLIST_HEADER,
                rs -> new Object[] {rs.getString("item_id"), rs.getString("region_code"), rs.getString("person_id"),
                        rs.getString("applicant_type"), rs.getString("certificate_no"), rs.getString("occupation_code"),
                        rs.getInt("cert_level"), rs.getString("issuing_org_id"), rs.getObject("issue_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getObject("application_date", LocalDate.class), rs.getString("status")});
    }

    void writeAlerts(RunParameters run) {
        String sql = "SELECT a.*, af.first_raised_on FROM alert a JOIN alert_first af ON af.alert_id = a.alert_id WHERE a.as_of = ?"
                + " ORDER BY a.severity, " + ordered("a.rule") + ", " + ordered("a.entity_id") + ", a.period_start, a.alert_id";
        try (CsvTableWriter out = new CsvTableWriter(run.outDir().resolve("alerts.csv"), ALERTS_HEADER)) {
            try {
                writeAlertRows(out, sql, run);
            } catch (RuntimeException failed) {
                out.discard(); // a failed query must not leave half a file under its name
                throw failed;
            }
        }
    }

    private void writeAlertRows(CsvTableWriter out, String sql, RunParameters run) {
        jdbc.query(sql, rs -> {
            LocalDate first = rs.getObject("first_raised_on", LocalDate.class);
            out.row(rs.getString("alert_id"), rs.getString("rule"), rs.getString("severity"), rs.getString("entity_type"),
                    rs.getString("entity_id"), rs.getString("entity_name"), rs.getString("region_code"),
                    rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                    rs.getString("metric"), new BigDecimal(rs.getString("metric_value")), new BigDecimal(rs.getString("threshold")),
                    rs.getInt("related_cases"), first, run.asOf().equals(first) ? "Y" : "N");
        }, run.asOf());
    }
}
