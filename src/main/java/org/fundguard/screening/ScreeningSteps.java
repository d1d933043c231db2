package org.fundguard.screening;

import java.time.LocalDate;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.run.ContractException;
import org.fundguard.run.RunLock;
import org.fundguard.run.RunParameters;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The screening phase of the nightly job as tasklets. */
@Component
public class ScreeningSteps {

    private final CaseScreening screening;
    private final RuleCatalogue catalogue;
    private final JdbcTemplate jdbc;

    public ScreeningSteps(CaseScreening screening, RuleCatalogue catalogue, JdbcTemplate jdbc) {
        this.screening = screening;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    /**
     * Before anything is merged: the calendar must cover D and every in-scope claim's deadline
     * (rules.md SVC-01: it never guesses). Otherwise exit 2 naming the year; the staged load waits
     * and the same command resumes once the year is configured.
     */
    public Tasklet checkCalendar() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            ReviewDeadline deadline = ReviewDeadline.of(JobDefinition.load(run.config()));
            LocalDate d = run.asOf();
            if (!deadline.calendar().covers(d.getYear())) {
                deadline.calendar().isWorkingDay(d); // throws, naming the year
            }
            Map<String, Object> range = jdbc.queryForMap("SELECT MIN(application_date) AS first_day, MAX(application_date) AS last_day"
                    + " FROM (SELECT application_date, status FROM claim UNION ALL SELECT application_date, status FROM stg_claim) x"
                    + " WHERE status <> 'WITHDRAWN' AND application_date BETWEEN ? AND ?", d.minusDays(365), d);
            LocalDate first = RunLock.toDate(range.get("first_day"));
            LocalDate last = RunLock.toDate(range.get("last_day"));
            if (first != null) {
                var missing = deadline.calendar().firstMissingYear(first, last);
                if (missing.isPresent()) {
                    throw new ContractException("the working-day calendar has no holiday notice for " + missing.getAsInt()
                            + ", needed for the review deadlines of claims applied in that year; add it with calendar.file in the job definition");
                }
                deadline.deadline(last);
            }
            return RepeatStatus.FINISHED;
        };
    }

    public Tasklet screenClaims() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            screening.screen("CLAIM", catalogue.claimRules(), run.asOf(), JobDefinition.load(run.config()));
            return RepeatStatus.FINISHED;
        };
    }

    public Tasklet screenSubsidies() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            screening.screen("SUBSIDY", catalogue.subsidyRules(), run.asOf(), JobDefinition.load(run.config()));
            return RepeatStatus.FINISHED;
        };
    }

}
