package org.fundguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.extract.ExtractFolder;
import org.fundguard.extract.LoadSteps;
import org.fundguard.job.ScreeningJobConfiguration;
import org.fundguard.run.ContractException;
import org.fundguard.run.Redact;
import org.fundguard.run.RunLock;
import org.fundguard.run.RunParameters;
import org.fundguard.service.ServiceLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The command line: checks the arguments and the extract folder before anything is loaded,
 * takes the one-run-at-a-time lock, starts, resumes or reruns the as-of date's job instance, and
 * turns its outcome into the contract's exit code with a one-line reason on standard error.
 */
@Component
@ConditionalOnProperty(name = "fundguard.cli.enabled", havingValue = "true", matchIfMissing = true)
public class ScreenRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ScreenRunner.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLock lock;
    private int exitCode;

    public ScreenRunner(JobOperator operator, JobRepository repository, Job job, RunLock lock) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.lock = lock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = Arrays.asList(arguments.getSourceArgs());
        if (ScreenCommand.wantsHelp(args)) {
            System.out.print(ScreenCommand.USAGE);
            exitCode = 0;
            return;
        }
        try {
            RunParameters run = ScreenCommand.parse(args);
            ExtractFolder.inspect(run.extracts(), run.charset());
            ServiceLists.validate(JobDefinition.load(run.config()));
            // checked before anything is loaded (exit 2 means nothing was loaded), the default too
            Path standards = run.medicalStandardsOrDefault();
            if (!Files.isReadable(standards)) {
                throw new ContractException((run.medicalStandards() != null ? "--medical-standards " : "medical standards ")
                        + standards + ": cannot read the file" + (run.medicalStandards() != null ? ""
                        : " (give --medical-standards FILE, or run from the installation folder or through scripts/fundguard)"));
            }
            exitCode = launch(run);
        } catch (ContractException e) {
            fail(2, e.getMessage());
        } catch (RuntimeException e) {
            log.debug("run failed", e);
            fail(1, rootMessage(e) + "; run the same command again to resume");
        }
    }

    private int launch(RunParameters run) throws ContractException {
        RunLock.Holder holder = lock.acquire(run.asOf(), () -> log.warn("the previous holder of the run lock is gone; taking over"));
        if (holder != null) {
            fail(3, "another run (as-of " + holder.asOf() + ", process " + holder.pid() + " on " + holder.host()
                    + ", since " + holder.since() + ") is in progress on this database; nothing was done");
            return 3;
        }
        try {
            failStaleExecutions();
            RunParameters params = instanceToRun(run);
            JobExecution execution = operator.start(job, params.toJobParameters());
            return exitCode(execution, params);
        } catch (ContractException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(rootMessage(e), e);
        } finally {
            lock.release();
        }
    }

    /** Restart a failed or stopped instance of the date; run a completed date again as a new instance. */
    private RunParameters instanceToRun(RunParameters run) {
        JobInstance last = null;
        long rerun = 0;
        JobInstance instance;
        while ((instance = repository.getJobInstance(ScreeningJobConfiguration.JOB_NAME, run.withRerun(rerun).toJobParameters())) != null) {
            last = instance;
            rerun++;
        }
        if (last == null) {
            log.info("as-of {}: first run", run.asOf());
            return run.withRerun(0);
        }
        JobExecution previous = repository.getLastJobExecution(last);
        if (previous == null || previous.getStatus() == BatchStatus.COMPLETED || previous.getStatus() == BatchStatus.ABANDONED) {
            log.info("as-of {}: completed before; this is a rerun (number {}) that re-produces its outputs", run.asOf(), rerun);
            return run.withRerun(rerun);
        }
        log.info("as-of {}: resuming the run that ended {} at {}", run.asOf(), previous.getStatus(), previous.getEndTime());
        return run.withRerun(rerun - 1);
    }

    /** Executions left STARTED by a killed process (we hold the lock, so none is really running). */
    private void failStaleExecutions() {
        for (JobExecution execution : repository.findRunningJobExecutions(ScreeningJobConfiguration.JOB_NAME)) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("process gone"));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("process gone; resumed by a later run"));
            execution.setEndTime(now);
            repository.update(execution);
            log.warn("job execution {} was left running by a process that is gone; marked as failed", execution.getId());
        }
    }

    private int exitCode(JobExecution execution, RunParameters run) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info("as-of {}: completed; outputs in {}; peak heap {} MB", run.asOf(), run.outDir(), peakHeapMb());
            printSummary(run);
            return 0;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (LoadSteps.EXTRACT_REJECTED.equals(step.getExitStatus().getExitCode())) {
                printSummary(run);
                fail(4, step.getExitStatus().getExitDescription() + "; rejects written to " + run.outDir().resolve("rejects")
                        + ", nothing loaded or screened");
                return 4;
            }
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof ContractException) {
                    fail(2, c.getMessage());
                    return 2;
                }
            }
        }
        String reason = execution.getAllFailureExceptions().stream().findFirst().map(ScreenRunner::rootMessage)
                .orElse("the job ended " + execution.getStatus());
        fail(1, reason + "; run the same command again to resume");
        return 1;
    }

    /** The end-of-run block (EndOfRunSummary) from the summary.json the run has just written. */
    private static void printSummary(RunParameters run) {
        try {
            for (String line : EndOfRunSummary.lines(run.outDir())) {
                System.err.println(Redact.text(line));
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("cannot print the run summary: {}", Redact.text(rootMessage(e)));
        }
    }

    private void fail(int code, String message) {
        exitCode = code;
        System.err.println("fundguard: " + Redact.text(message));
    }

    /** The sum of the heap pools' peak usage, for the benchmarks' memory figures. */
    static long peakHeapMb() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        boolean database = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            database |= t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof org.springframework.transaction.TransactionException;
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // "Connection refused" alone does not say what was refused
        return (database && !message.toLowerCase().contains("database") ? "database: " : "") + message.replace('\n', ' ');
    }

}
