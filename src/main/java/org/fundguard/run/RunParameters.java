package org.fundguard.run;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The parameters of one screening run. The as-of date identifies the nightly run (with a rerun
 * number when a completed date is run again); the folders and options do not, so that a failed
 * night is resumed by the same command.
 */
public record RunParameters(LocalDate asOf, long rerun, Path extracts, Path outRoot, Charset charset, Path config,
                            Path medicalStandards) {

    public static final String AS_OF = "asOf";
    public static final String RERUN = "rerun";

    /** OUT/&lt;as-of&gt;/. */
    public Path outDir() {
        return outRoot.resolve(asOf.toString());
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(AS_OF, asOf, true)
                .addLong(RERUN, rerun, true)
                .addString("extracts", extracts.toAbsolutePath().normalize().toString(), false)
                .addString("out", outRoot.toAbsolutePath().normalize().toString(), false)
                .addString("charset", charset.name(), false);
        if (config != null) {
            builder.addString("config", config.toAbsolutePath().normalize().toString(), false);
        }
        if (medicalStandards != null) {
            builder.addString("medicalStandards", medicalStandards.toAbsolutePath().normalize().toString(), false);
        }
        return builder.toJobParameters();
    }

    /** The parameters of the job a step belongs to. */
    public static RunParameters of(ChunkContext context) {
        return of(context.getStepContext().getStepExecution().getJobExecution().getJobParameters());
    }

    public static RunParameters of(JobParameters p) {
        String config = p.getString("config");
        String medical = p.getString("medicalStandards");
        return new RunParameters(p.getLocalDate(AS_OF), p.getLong(RERUN, 0L), Path.of(p.getString("extracts")),
                Path.of(p.getString("out")), Charset.forName(p.getString("charset", "UTF-8")),
                config == null ? null : Path.of(config), medical == null ? null : Path.of(medical));
    }

    /**
     * The medical-insurance proxy-payment standards of SVC-07: {@code --medical-standards}, else
     * {@code jobs/medical-standards.csv} of the installation ({@code fundguard.home}, default the
     * working directory).
     */
    public Path medicalStandardsOrDefault() {
        if (medicalStandards != null) {
            return medicalStandards;
        }
        return Path.of(System.getProperty("fundguard.home", ".")).resolve("jobs").resolve("medical-standards.csv");
    }

    public RunParameters withRerun(long n) {
        return new RunParameters(asOf, n, extracts, outRoot, charset, config, medicalStandards);
    }
}
