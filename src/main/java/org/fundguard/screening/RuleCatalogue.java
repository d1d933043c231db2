package org.fundguard.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.Extract;
import org.fundguard.extract.LoadedFiles;
import org.springframework.stereotype.Component;

/**
 * Every rule of the application, by family, in code order. Registers each rule's parameters
 * ({@code rule.<code>.<name>}) and switch ({@code rule.<code>.enabled}) with their defaults, so
 * that adding or tuning a rule touches only the rule's own class.
 */
@Component
public class RuleCatalogue {

    private final List<ClaimRule> claimRules;
    private final List<SubsidyRule> subsidyRules;

    public RuleCatalogue(List<ClaimRule> claimRules, List<SubsidyRule> subsidyRules) {
        this.claimRules = claimRules.stream().sorted(Comparator.comparing(Rule::code)).toList();
        this.subsidyRules = subsidyRules.stream().sorted(Comparator.comparing(Rule::code)).toList();
        all().forEach(RuleCatalogue::register);
        ReviewDeadline.register();
    }

    static void register(Rule rule) {
        JobDefinition.define("rule." + rule.code() + ".enabled", "true");
        rule.defaults().forEach((name, value) -> JobDefinition.define(RuleRun.key(rule, name), value));
    }

    public List<ClaimRule> claimRules() {
        return claimRules;
    }

    public List<SubsidyRule> subsidyRules() {
        return subsidyRules;
    }

    public List<Rule> all() {
        List<Rule> all = new ArrayList<>(claimRules);
        all.addAll(subsidyRules);
        all.sort(Comparator.comparing(Rule::code));
        return all;
    }

    public static boolean enabled(Rule rule, JobDefinition definition) {
        return Boolean.parseBoolean(definition.get("rule." + rule.code() + ".enabled"));
    }

    /**
     * Why the rule does not run tonight, or null when it runs: switched off by the job definition,
     * or an optional extract it needs has never been loaded.
     */
    public static String skipReason(Rule rule, JobDefinition definition, LoadedFiles files) {
        if (!enabled(rule, definition)) {
            return "disabled by the job definition (rule." + rule.code() + ".enabled=false)";
        }
        for (Extract extract : rule.needs()) {
            if (!files.isAvailable(extract)) {
                return "skipped: no " + extract.fileName() + " has ever been loaded";
            }
        }
        return null;
    }
}
