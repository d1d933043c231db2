package org.fundguard.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.LoadedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a family of rules for an as-of date on the caller's transaction: the date's earlier
 * results are replaced, each enabled rule computes set-based in SQL, flags and alerts are stored
 * and the first dates remembered. Claim rules that can screen incrementally (IncrementalRule) do
 * so on top of the basis night (ScreeningBasis), and this night becomes the next basis.
 */
@Component
public class CaseScreening {

    /** Job-definition switch: {@code false} screens every claim every night (IncrementalRule). */
    public static final String INCREMENTAL = "screening.incremental";

    private static final Logger log = LoggerFactory.getLogger(CaseScreening.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final ScreeningStore store;
    private final LoadedFiles files;
    private final ScreeningBasis basis;

    public CaseScreening(NamedParameterJdbcTemplate jdbc, ScreeningStore store, LoadedFiles files, ScreeningBasis basis) {
        this.jdbc = jdbc;
        this.store = store;
        this.files = files;
        this.basis = basis;
    }

    public void screen(String itemType, List<? extends Rule> rules, LocalDate asOf, JobDefinition definition) {
        store.clear(asOf, itemType);
        store.clearAlerts(asOf, rules.stream().map(Rule::code).toList());
        boolean claims = "CLAIM".equals(itemType);
        boolean incrementalAllowed = claims && Boolean.parseBoolean(definition.get(INCREMENTAL));
        LocalDate focusBase = null;
        Map<String, String> screened = new LinkedHashMap<>();
        Map<String, Object> shared = new HashMap<>();
        for (Rule rule : rules) {
            String skipped = RuleCatalogue.skipReason(rule, definition, files);
            if (skipped != null) {
                log.info("{}: {}", rule.code(), skipped);
                continue;
            }
            long start = System.nanoTime();
            org.fundguard.run.StepTimer.activity("rule " + rule.code());
            String parameters = claims ? ScreeningBasis.parameters(rule, definition) : null; // only claim rules have a basis
            LocalDate base = incrementalAllowed && rule instanceof IncrementalRule
                    ? basis.base(rule, parameters, asOf).orElse(null) : null;
            if (base != null && !base.equals(focusBase)) {
                basis.prepareFocus(base, asOf);
                focusBase = base;
            }
            RuleRun run = new RuleRun(rule, itemType, definition, jdbc, asOf, base != null, shared);
            rule.screen(run);
            store.saveFlags(asOf, run);
            store.saveAlerts(asOf, run.alerts());
            if (base == null) {
                log.info("{} {}: {} flagged, {} alerts in {} ms", rule.code(), rule.name(), run.flags().size(), run.alerts().size(),
                        (System.nanoTime() - start) / 1_000_000);
            } else {
                int[] carried = store.carryOver(run, base);
                log.info("{} {}: {} flagged, {} alerts in {} ms (incremental: {} flags and {} alerts re-screened, the rest carried over from {})",
                        rule.code(), rule.name(), run.flags().size() + carried[0], run.alerts().size() + carried[1],
                        (System.nanoTime() - start) / 1_000_000, run.flags().size(), run.alerts().size(), base);
            }
            if (claims) {
                screened.put(rule.code(), parameters);
            }
        }
        if (claims) {
            basis.settle(asOf, screened);
        }
        store.rememberFirstDates(asOf);
    }
}
