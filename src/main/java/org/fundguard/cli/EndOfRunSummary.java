package org.fundguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The short block that ends a run on standard error (for the cron mail): per extract the rows
 * read, loaded, rejected and warned about, or why it was not loaded; per rule the cases flagged
 * and alerts raised, or why it was skipped; then the output folder. Every figure is read from
 * the run's summary.json, so the two never disagree; it holds no personal data.
 */
final class EndOfRunSummary {

    static final String HEADER = "fundguard: run summary";

    private EndOfRunSummary() {
    }

    /** The block for the summary.json in {@code outDir}; empty when there is none. */
    static List<String> lines(Path outDir) throws IOException {
        Path file = outDir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return lines(new ObjectMapper().readTree(file.toFile()), outDir);
    }

    static List<String> lines(JsonNode summary, Path outDir) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + ", as-of " + summary.path("as_of").asText() + ": " + summary.path("outcome").asText());
        for (JsonNode e : summary.path("extracts")) {
            lines.add(String.format("  extract %-14s %s", e.path("extract").asText(), extract(e)));
        }
        Set<String> skipReasons = new LinkedHashSet<>();
        boolean anyRun = false;
        for (JsonNode r : summary.path("rules")) {
            if (r.has("skipped")) {
                skipReasons.add(r.get("skipped").asText());
            } else {
                anyRun = true;
            }
        }
        if (!anyRun && skipReasons.size() == 1) {
            lines.add("  rules: none run: " + skipReasons.iterator().next().replaceFirst("^skipped: ", ""));
        } else {
            for (JsonNode r : summary.path("rules")) {
                String what = r.has("skipped") ? "skipped: " + r.get("skipped").asText().replaceFirst("^skipped: ", "")
                        : "flagged " + r.path("flagged").asLong() + ", alerts " + r.path("alerts").asLong();
                lines.add(String.format("  rule %-7s %s", r.path("code").asText(), what));
            }
        }
        lines.add("  outputs: " + outDir);
        return lines;
    }

    private static String extract(JsonNode e) {
        String status = e.path("status").asText();
        if (!e.has("rows_read")) {
            return status; // missing, absent
        }
        if (status.startsWith("not loaded again")) {
            int at = status.indexOf("in the run of");
            return "unchanged (already loaded" + (at < 0 ? "" : " " + status.substring(at)) + ")";
        }
        return status + ": read " + e.path("rows_read").asLong() + ", loaded " + e.path("rows_loaded").asLong()
                + ", rejected " + e.path("rows_rejected").asLong() + ", warnings " + e.path("warnings").asLong();
    }
}
