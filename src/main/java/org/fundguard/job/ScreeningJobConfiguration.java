package org.fundguard.job;

import org.fundguard.cli.GracefulStop;
import org.fundguard.extract.Extract;
import org.fundguard.extract.LoadSteps;
import org.fundguard.run.RunParameters;
import org.fundguard.run.RunSummary;
import org.fundguard.run.StepTimer;
import org.fundguard.screening.ScreeningSteps;
import org.fundguard.report.TrendReport;
import org.fundguard.service.ServiceLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.fundguard.worklist.WorklistExport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly {@code screening} job, identified by its as-of date: stage every extract, stop
 * with exit code 4 when one is broken or 2 when the calendar lacks a year, merge the night's
 * load in one transaction, screen, then write the outputs and the run summary. Every step is idempotent and allowed to start again, so a
 * restarted run redoes only what the database shows as unfinished.
 */
@Configuration
public class ScreeningJobConfiguration {

    public static final String JOB_NAME = "screening";

    @Bean
    public Job screeningJob(JobRepository repository, PlatformTransactionManager tm, LoadSteps load, ScreeningSteps screening,
                            WorklistExport worklist, ServiceLists service, TrendReport trend, RunSummary summary,
                            JdbcTemplate jdbc, GracefulStop gracefulStop, StepTimer timer) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, repository).listener(gracefulStop).start(step("stage-" + Extract.values()[0].extractName(),
                load.stage(Extract.values()[0]), repository, tm, timer));
        for (int i = 1; i < Extract.values().length; i++) {
            Extract extract = Extract.values()[i];
            job = job.next(step("stage-" + extract.extractName(), load.stage(extract), repository, tm, timer));
        }
        Step check = step("check-reject-ratio", load.checkRejectRatio(), repository, tm, timer);
        Step rejectedSummary = step("write-summary-rejected", summary(summary, "EXTRACT_REJECTED"), repository, tm, timer);
        return job.next(check)
                .on(LoadSteps.EXTRACT_REJECTED).to(rejectedSummary).on("*").fail()
                .from(check).on("*").to(step("check-calendar", screening.checkCalendar(), repository, tm, timer))
                .next(step("merge-extracts", load.merge(), repository, tm, timer))
                .next(step("screen-claims", screening.screenClaims(), repository, tm, timer))
                .next(step("screen-subsidies", screening.screenSubsidies(), repository, tm, timer))
                .next(step("write-worklist", worklist.worklistStep(), repository, tm, timer))
                .next(step("write-subsidy-worklist", worklist.subsidyWorklistStep(), repository, tm, timer))
                .next(step("write-alerts", worklist.alertsStep(), repository, tm, timer))
                .next(step("write-service-lists", service.step(), repository, tm, timer))
                .next(step("write-trend-report", trend.step(), repository, tm, timer))
                .next(step("write-rejects", load.rejects(), repository, tm, timer))
                .next(step("write-summary", summary(summary, "COMPLETED"), repository, tm, timer))
                .next(step("record-completion", recordCompletion(jdbc), repository, tm, timer))
                .end()
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tm,
                             StepTimer timer) {
        return new StepBuilder(name, repository).listener(timer).tasklet(tasklet, tm).allowStartIfComplete(true).build();
    }

    /** Remembers the completed as-of date (SVC-04 counts decisions since the previous one). */
    private static Tasklet recordCompletion(JdbcTemplate jdbc) {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            jdbc.update("DELETE FROM completed_run WHERE as_of = ? AND rerun = ?", run.asOf(), run.rerun());
            jdbc.update("INSERT INTO completed_run (as_of, rerun, completed_at) VALUES (?, ?, ?)", run.asOf(), run.rerun(),
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.now()));
            return RepeatStatus.FINISHED;
        };
    }

    private static Tasklet summary(RunSummary summary, String outcome) {
        return (contribution, context) -> {
            var job = context.getStepContext().getStepExecution().getJobExecution();
            String reason = null;
            if (!"COMPLETED".equals(outcome)) {
                reason = job.getStepExecutions().stream()
                        .filter(s -> LoadSteps.EXTRACT_REJECTED.equals(s.getExitStatus().getExitCode()))
                        .map(s -> s.getExitStatus().getExitDescription()).findFirst().orElse(null);
            }
            summary.write(job, RunParameters.of(job.getJobParameters()), outcome, reason);
            return RepeatStatus.FINISHED;
        };
    }
}
