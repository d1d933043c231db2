package org.fundguard.screening;

import java.time.LocalDate;
import java.util.List;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.LoadedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a family of rules for an as-of date on the caller's transaction: the date's earlier
 * results are replaced, each enabled rule computes set-based in SQL, flags and alerts are stored
 * and the first dates remembered.
 */
@Component
public class CaseScreening {

    private static final Logger log = LoggerFactory.getLogger(CaseScreening.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final ScreeningStore store;
    private final LoadedFiles files;

    public CaseScreening(NamedParameterJdbcTemplate jdbc, ScreeningStore store, LoadedFiles files) {
        this.jdbc = jdbc;
        this.store = store;
        this.files = files;
    }

    public void screen(String itemType, List<? extends Rule> rules, LocalDate asOf, JobDefinition definition) {
        store.clear(asOf, itemType);
        store.clearAlerts(asOf, rules.stream().map(Rule::code).toList());
        for (Rule rule : rules) {
            String skipped = RuleCatalogue.skipReason(rule, definition, files);
            if (skipped != null) {
                log.info("{}: {}", rule.code(), skipped);
                continue;
            }
            long start = System.nanoTime();
            org.fundguard.run.StepTimer.activity("rule " + rule.code());
            RuleRun run = new RuleRun(rule, itemType, definition, jdbc, asOf);
            rule.screen(run);
            store.saveFlags(asOf, run);
            store.saveAlerts(asOf, run.alerts());
            log.info("{} {}: {} flagged, {} alerts in {} ms", rule.code(), rule.name(), run.flags().size(), run.alerts().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        store.rememberFirstDates(asOf);
    }
}
