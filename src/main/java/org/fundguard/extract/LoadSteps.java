package org.fundguard.extract;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.export.CsvTableWriter;
import org.fundguard.export.OutputFiles;
import org.fundguard.run.Dialect;
import org.fundguard.run.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The load phase of the nightly job as tasklets: stage each extract (one transaction per file),
 * check the reject ratios, merge everything staged (one transaction), write the rejects files.
 * Each tasklet is idempotent, so a restarted run simply runs them again.
 */
@Component
public class LoadSteps {

    private static final Logger log = LoggerFactory.getLogger(LoadSteps.class);
    /** Exit status of the ratio check when an extract is broken (outputs.md exit code 4). */
    public static final String EXTRACT_REJECTED = "EXTRACT_REJECTED";
    static final List<String> REJECTS_HEADER = List.of("line", "severity", "reason", "column", "message", "raw");

    private final ExtractStager stager;
    private final ExtractMerger merger;
    private final LoadedFiles files;
    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    public LoadSteps(ExtractStager stager, ExtractMerger merger, LoadedFiles files, JdbcTemplate jdbc, Dialect dialect) {
        this.stager = stager;
        this.merger = merger;
        this.files = files;
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    static JobExecution job(ChunkContext context) {
        return context.getStepContext().getStepExecution().getJobExecution();
    }

    /**
     * Validates one extract file into staging, or notes that an identical file was loaded before.
     * Stoppable: a stop request (SIGTERM) ends the step as STOPPED within a few thousand rows,
     * its transaction rolled back, and the same command resumes it.
     */
    public Tasklet stage(Extract extract) {
        return new StoppableTasklet() {
            private volatile boolean stop;

            @Override
            public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
                RunParameters run = RunParameters.of(context);
                RunFiles runFiles = RunFiles.of(job(context));
                // the whole folder was checked before the job started; this step reads only its own file
                java.nio.file.Path file = run.extracts().resolve(extract.fileName());
                if (!java.nio.file.Files.exists(file)) {
                    if (extract.required()) {
                        throw new org.fundguard.run.ContractException(file + ": required extract file " + extract.fileName() + " is missing");
                    }
                    runFiles.remove(extract);
                    return RepeatStatus.FINISHED;
                }
                ExtractHeader header = ExtractHeader.read(extract, file, run.charset());
                var step = context.getStepContext().getStepExecution();
                try {
                    ExtractStager.Outcome outcome = stager.stage(extract, file, header, run.charset(), run.asOf(),
                            () -> stop || step.isTerminateOnly());
                    runFiles.put(extract, outcome.file().id(), outcome.alreadyLoaded());
                } catch (ExtractStager.StopRequested e) {
                    throw new JobInterruptedException(e.getMessage());
                }
                return RepeatStatus.FINISHED;
            }

            @Override
            public void stop() {
                stop = true;
            }
        };
    }

    /**
     * Stops the run before anything is merged when a file's ERROR rejects exceed
     * {@code load.max-reject-ratio} (exact decimal comparison): its staged rows are dropped and
     * the rejects files written.
     */
    public Tasklet checkRejectRatio() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context);
            BigDecimal limit = JobDefinition.load(run.config()).decimal("load.max-reject-ratio");
            RunFiles runFiles = RunFiles.of(job(context));
            List<String> broken = new ArrayList<>();
            for (Map.Entry<Extract, Long> e : runFiles.files().entrySet()) {
                if (runFiles.alreadyLoaded(e.getKey())) {
                    continue;
                }
                LoadedFile file = files.find(e.getValue()).orElseThrow();
                if (BigDecimal.valueOf(file.rowsRejected()).compareTo(BigDecimal.valueOf(file.rowsRead()).multiply(limit)) > 0) {
                    broken.add(e.getKey().fileName() + ": " + file.rowsRejected() + " of " + file.rowsRead()
                            + " rows rejected, over the limit of " + limit.movePointRight(2).stripTrailingZeros().toPlainString() + " %");
                }
            }
            if (broken.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            for (Map.Entry<Extract, Long> e : runFiles.files().entrySet()) {
                if (!runFiles.alreadyLoaded(e.getKey())) {
                    files.rejected(e.getValue());
                    jdbc.execute(dialect.truncate(e.getKey().stagingTable()));
                }
            }
            writeRejects(run, runFiles);
            broken.forEach(b -> log.error("extract rejected as broken: {}; nothing of this run was loaded", b));
            contribution.setExitStatus(new org.springframework.batch.core.ExitStatus(EXTRACT_REJECTED, String.join("; ", broken)));
            return RepeatStatus.FINISHED;
        };
    }

    /** Merges every staged file into the extract tables in one transaction. */
    public Tasklet merge() {
        return (contribution, context) -> {
            merger.mergeStaged();
            return RepeatStatus.FINISHED;
        };
    }

    /** rejects/&lt;extract&gt;.csv for every extract in the folder, header only when there is nothing to report. */
    public Tasklet rejects() {
        return (contribution, context) -> {
            writeRejects(RunParameters.of(context), RunFiles.of(job(context)));
            return RepeatStatus.FINISHED;
        };
    }

    private void writeRejects(RunParameters run, RunFiles runFiles) {
        for (Map.Entry<Extract, Long> e : runFiles.files().entrySet()) {
            Path file = OutputFiles.resolveInside(run.outDir(), "rejects", e.getKey().extractName() + ".csv");
            try (CsvTableWriter out = new CsvTableWriter(file, REJECTS_HEADER)) {
                try {
                    files.forEachReject(e.getValue(), r -> out.row(r.line(), r.issue().severity().name(), r.issue().reason(),
                            r.issue().column(), r.issue().message(), r.raw()));
                } catch (RuntimeException failed) {
                    out.discard(); // a failed query must not leave half a rejects file under its name
                    throw failed;
                }
            }
        }
    }
}
