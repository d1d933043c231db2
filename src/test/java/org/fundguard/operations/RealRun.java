package org.fundguard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of the packaged command ({@code target/fundguard.jar}) in its own process, as cron
 * starts it: standard error (progress and the one-line reason) in {@link #log}, standard output
 * in {@link #stdout} (the same file when the two are merged).
 */
record RealRun(Process process, Path log, Path stdout) {

    static final String AS_OF = "2026-11-25";
    static final Path JAR = Path.of("target/fundguard.jar").toAbsolutePath();

    /** {@code screen} on {@code extracts} into {@code out}, standard output and error merged into {@code log}. */
    static RealRun start(String url, String user, Path extracts, Path out, Path log) throws IOException {
        return start(env(url, user, ""), screen(extracts, out), log, log);
    }

    /** The command's arguments for one night: {@code screen --extracts ... --as-of AS_OF --out ...}. */
    static List<String> screen(Path extracts, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.toString(), "--as-of", AS_OF,
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** The database, chosen the Spring Boot way through the environment (outputs.md). */
    static Map<String, String> env(String url, String user, String password) {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password);
    }

    /**
     * @param stderr where standard error goes (the progress log)
     * @param stdout where standard output goes; {@code stderr} itself to merge the two
     */
    static RealRun start(Map<String, String> env, List<String> args, Path stderr, Path stdout) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stderr.equals(stdout)) {
            pb.redirectErrorStream(true).redirectOutput(stderr.toFile());
        } else {
            pb.redirectError(stderr.toFile()).redirectOutput(stdout.toFile());
        }
        pb.environment().putAll(env);
        return new RealRun(pb.start(), stderr, stdout);
    }

    int waitFor() throws InterruptedException {
        return waitFor(Duration.ofMinutes(5));
    }

    /** The exit code; fails (and kills the process) when it has not ended within {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("run did not finish within " + timeout + "; log " + log);
        }
        return process.exitValue();
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the log shows {@code marker}; false when the run ended first. */
    boolean waitForLog(String marker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logText().contains(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** SIGKILL as soon as the log shows {@code marker}; false when the run ended first. */
    boolean killWhenLogShows(String marker, Duration timeout) throws Exception {
        boolean reached = waitForLog(marker, timeout);
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        process.waitFor();
        return reached;
    }

    /** The outputs outputs.md promises identical, as text; alerts.csv without its per-database alert_id. */
    static Map<String, String> outputs(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path p : paths) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            if (rel.endsWith("worklist.csv") || rel.startsWith("service/") || rel.startsWith("rejects/")
                    || (rel.startsWith("trend/") && rel.endsWith(".csv"))) {
                files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
            } else if (rel.equals("alerts.csv")) {
                StringBuilder text = new StringBuilder();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    text.append(line.substring(line.indexOf(',') + 1)).append('\n');
                }
                files.put(rel, text.toString());
            }
        }
        return files;
    }

    /**
     * A failed run's standard error: the last line is the one reason line, {@code fundguard: ...}, the only
     * such line, and nothing on standard error is a stack trace or an exception's toString.
     *
     * @return the reason line
     */
    static String assertOneLineReason(String stderr) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("standard error").isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("the last line of standard error:\n" + stderr).startsWith("fundguard: ");
        assertThat(lines.stream().filter(l -> l.startsWith("fundguard: "))).as("one reason line:\n" + stderr).hasSize(1);
        assertThat(lines.stream().filter(l -> l.matches("\\s+at .*|\\s*Caused by: .*|\\s+\\.\\.\\. \\d+ (more|common frames omitted)")))
                .as("stack trace lines on standard error:\n" + stderr).isEmpty();
        assertThat(lines.stream().filter(l -> l.matches("[a-z]+(\\.[a-zA-Z_$0-9]+)+(Exception|Error)(: .*)?")))
                .as("exception lines on standard error:\n" + stderr).isEmpty();
        return last;
    }
}
