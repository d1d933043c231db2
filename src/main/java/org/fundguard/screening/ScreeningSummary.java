package org.fundguard.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.LoadedFiles;
import org.fundguard.run.RunParameters;
import org.fundguard.run.RunSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The "rules" part of summary.json: per rule its identity, flagged cases, alerts and parameters. */
@Component
public class ScreeningSummary implements RunSummary.SummaryContributor {

    private final RuleCatalogue catalogue;
    private final JdbcTemplate jdbc;
    private final LoadedFiles files;

    public ScreeningSummary(RuleCatalogue catalogue, JdbcTemplate jdbc, LoadedFiles files) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.files = files;
    }

    @Override
    public void contribute(JobExecution job, RunParameters run, Map<String, Object> summary) {
        JobDefinition definition = JobDefinition.load(run.config());
        boolean screened = job.getStepExecutions().stream().anyMatch(s -> s.getStepName().startsWith("screen-"));
        Map<String, Long> flagged = counts("SELECT rule, COUNT(*) FROM case_flag WHERE as_of = ? GROUP BY rule", run);
        Map<String, Long> alerts = counts("SELECT rule, COUNT(*) FROM alert WHERE as_of = ? GROUP BY rule", run);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : catalogue.all()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", rule.code());
            r.put("name", rule.name());
            r.put("clause", rule.clause());
            r.put("severity", rule.severity().name());
            String skipped = RuleCatalogue.skipReason(rule, definition, files);
            if (skipped != null) {
                r.put("skipped", skipped);
            } else if (!screened) {
                r.put("skipped", "the run stopped before screening");
            } else {
                r.put("flagged", flagged.getOrDefault(rule.code(), 0L));
                r.put("alerts", alerts.getOrDefault(rule.code(), 0L));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            rule.defaults().keySet().forEach(p -> parameters.put(p, definition.get(RuleRun.key(rule, p))));
            r.put("parameters", parameters);
            rules.add(r);
        }
        summary.put("rules", rules);
    }

    private Map<String, Long> counts(String sql, RunParameters run) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, run.asOf());
        return counts;
    }
}
