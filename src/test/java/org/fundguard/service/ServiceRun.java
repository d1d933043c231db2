package org.fundguard.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Screened;

/**
 * One run of the real command for the service-list tests, and its outputs as an auditor reads them:
 * {@code service/*.csv} by column name, summary.json as a map.
 */
record ServiceRun(int exitCode, String stderr, Path outDir) {

    /**
     * Writes the extract folder and runs {@code screen} on it; {@code config} lines go into a
     * {@code --config} file, {@code standards} (if not null) is passed as {@code --medical-standards}.
     */
    static ServiceRun run(String url, Path tmp, ExtractDir extracts, String asOf, List<String> config, Path standards) {
        extracts.write();
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.path().toString(), "--as-of", asOf,
                "--out", out.toString()));
        if (config != null && !config.isEmpty()) {
            Path file = tmp.resolve("job-" + asOf + "-" + System.nanoTime() + ".properties");
            write(file, String.join("\n", config) + "\n");
            args.add("--config");
            args.add(file.toString());
        }
        if (standards != null) {
            args.add("--medical-standards");
            args.add(standards.toString());
        }
        Cli.Result result = Cli.run(url, args.toArray(String[]::new));
        return new ServiceRun(result.exitCode(), result.stderr(), out.resolve(asOf));
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        return outDir.resolve("service").resolve(name);
    }

    List<Map<String, String>> csv(String name) {
        if (!Files.exists(file(name))) {
            throw new AssertionError(file(name) + " was not written");
        }
        return Screened.csv(file(name));
    }

    /** The claim ids of a service file, in file order. */
    List<String> ids(String name) {
        return csv(name).stream().map(r -> r.get("claim_id")).toList();
    }

    Map<String, String> row(String name, String claimId) {
        return csv(name).stream().filter(r -> r.get("claim_id").equals(claimId)).findFirst()
                .orElseThrow(() -> new AssertionError(claimId + " is not in " + name + ": " + ids(name)));
    }

    byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String summaryText() {
        try {
            return Files.readString(outDir.resolve("summary.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service() {
        try {
            Map<String, Object> summary = new ObjectMapper().readValue(summaryText(), LinkedHashMap.class);
            return (Map<String, Object>) summary.get("service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String rule) {
        return (Map<String, Object>) service().get(rule);
    }
}
