package org.fundguard.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fundguard.config.JobDefinition;
import org.fundguard.export.OutputFiles;
import org.fundguard.extract.CsvRecordReader;
import org.fundguard.extract.Extract;
import org.fundguard.extract.ExtractStager;
import org.fundguard.extract.LoadedFile;
import org.fundguard.extract.LoadedFiles;
import org.fundguard.extract.RunFiles;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * summary.json, the run's audit record (outputs.md): as-of date, times, outcome; per extract the
 * file, SHA-256 and counts; per rule what it flagged or why it was skipped; the effective
 * parameters; per output file rows and SHA-256. No personal data and no credentials.
 */
@Component
public class RunSummary {

    private final LoadedFiles files;
    private final Dialect dialect;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<SummaryContributor> contributors;

    /** Later phases (screening, service lists) add their part of the summary through this. */
    public interface SummaryContributor {
        void contribute(JobExecution job, RunParameters run, Map<String, Object> summary);
    }

    public RunSummary(LoadedFiles files, Dialect dialect, List<SummaryContributor> contributors) {
        this.files = files;
        this.dialect = dialect;
        this.contributors = contributors;
    }

    public Map<String, Object> write(JobExecution job, RunParameters run, String outcome, String reason) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("as_of", run.asOf().toString());
        summary.put("rerun", run.rerun());
        summary.put("job_execution_id", job.getId());
        LocalDateTime started = job.getStartTime() != null ? job.getStartTime() : job.getCreateTime();
        summary.put("started", started == null ? null : started.truncatedTo(ChronoUnit.SECONDS).toString());
        summary.put("finished", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        summary.put("outcome", outcome);
        if (reason != null) {
            summary.put("reason", reason);
        }
        summary.put("database", dialect.name());
        summary.put("extracts_folder", run.extracts().toString());
        summary.put("charset", run.charset().name());
        summary.put("extracts", extracts(job, run));
        JobDefinition definition = JobDefinition.load(run.config());
        for (SummaryContributor contributor : contributors) {
            contributor.contribute(job, run, summary);
        }
        summary.put("job_definition", definition.source());
        summary.put("parameters", definition.effective());
        summary.put("outputs", outputs(run.outDir()));
        try {
            OutputFiles.writeString(run.outDir().resolve("summary.json"), json.writeValueAsString(summary) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    private List<Map<String, Object>> extracts(JobExecution job, RunParameters run) {
        RunFiles runFiles = RunFiles.of(job);
        Map<Extract, Long> ids = runFiles.files();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Extract extract : Extract.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("extract", extract.extractName());
            e.put("file", extract.fileName());
            Long id = ids.get(extract);
            if (id == null) {
                e.put("status", extract.required() ? "missing" : "absent");
                e.put("available", isAvailable(extract));
                list.add(e);
                continue;
            }
            LoadedFile file = files.find(id).orElseThrow();
            boolean identical = runFiles.alreadyLoaded(extract);
            e.put("sha256", file.sha256());
            e.put("status", identical ? "not loaded again: same SHA-256 as the file loaded in the run of " + file.asOf()
                    : switch (file.state()) {
                        case LoadedFile.LOADED -> "loaded";
                        case LoadedFile.REJECTED -> "rejected as broken";
                        default -> "staged";
                    });
            e.put("rows_read", file.rowsRead());
            e.put("rows_loaded", file.rowsLoaded());
            e.put("rows_rejected", file.rowsRejected());
            e.put("warnings", file.warnings());
            if (extract.employerReference() != null) {
                e.put("unknown_employer_references", file.unknownRefs());
            }
            e.put("unknown_columns", file.unknownColumns() == null ? List.of() : Arrays.asList(file.unknownColumns().split(",")));
            e.put("available", isAvailable(extract));
            list.add(e);
        }
        return list;
    }

    private boolean isAvailable(Extract extract) {
        return files.isAvailable(extract);
    }

    /** Every output file under OUT/&lt;as-of&gt;/ but the summary itself: rows and SHA-256. */
    private static List<Map<String, Object>> outputs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> outputs = paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.equals(dir.resolve("summary.json")))
                    .sorted().toList();
            List<Map<String, Object>> list = new ArrayList<>();
            for (Path p : outputs) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", dir.relativize(p).toString().replace('\\', '/'));
                if (p.getFileName().toString().endsWith(".csv")) {
                    o.put("rows", csvRows(p));
                }
                o.put("sha256", ExtractStager.sha256(p));
                list.add(o);
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long csvRows(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p); CsvRecordReader reader = new CsvRecordReader(in, StandardCharsets.UTF_8)) {
            long n = -1; // the header
            while (reader.next() != null) {
                n++;
            }
            return Math.max(n, 0);
        }
    }
}
