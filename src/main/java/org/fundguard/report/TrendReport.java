package org.fundguard.report;

import java.nio.file.Path;
import org.fundguard.config.JobDefinition;
import org.fundguard.export.OutputFiles;
import org.fundguard.run.RunParameters;
import org.fundguard.screening.ReviewDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fund managers' trend report (outputs.md "Trend report"): over the 24 months up to month(D),
 * per month and city, claims received, decided, decided late, approved, flagged per rule and the
 * flagged share, subsidy applications, paid amounts and flags, alerts raised.
 *
 * <ul>
 *   <li>{@code trend/monthly.csv} and {@code trend/rules.csv} as outputs.md defines them;</li>
 *   <li>{@code trend/alerts.csv} ({@code month, city, rule, alerts}): alerts by the month they were
 *       first raised, per city of their region code and in ALL (alerts without a region code count
 *       in ALL only), rows with alerts &gt; 0;</li>
 *   <li>{@code trend/subsidy-surges.csv} ({@code month, city, paid_amount, threshold}): the SKL-06
 *       surge months of the window;</li>
 *   <li>{@code trend/report.html}: the self-contained page ({@link TrendPage}).</li>
 * </ul>
 * No personal data: only counts and sums by month, city and rule.
 */
@Component
public class TrendReport {

    private static final Logger log = LoggerFactory.getLogger(TrendReport.class);

    static final String DIR = "trend";
    static final String HTML = "report.html";

    private final JdbcTemplate jdbc;

    public TrendReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Tasklet step() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            write(run);
            return RepeatStatus.FINISHED;
        };
    }

    void write(RunParameters run) {
        long start = System.nanoTime();
        ReviewDeadline.register();
        JobDefinition definition = JobDefinition.load(run.config());
        ReviewDeadline deadline = ReviewDeadline.of(definition);
        LateDecisions late = new LateDecisions(deadline.calendar(), definition.integer(ReviewDeadline.WORKING_DAYS));
        TrendData data = new TrendQueries(jdbc, late).compute(run.asOf());
        Path dir = OutputFiles.createDirectories(run.outDir().resolve(DIR));
        TrendCsv.write(data, dir);
        OutputFiles.writeString(dir.resolve(HTML), new TrendPage(data).render());
        log.info("trend report: {} to {}, {} cities, {} SKL-06 surge months; written to {} in {} ms", data.month(0),
                data.month(TrendData.MONTHS - 1), data.cities.size(), data.surges.size(), dir,
                (System.nanoTime() - start) / 1_000_000);
    }
}
