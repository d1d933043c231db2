package org.fundguard.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fundguard.support.Cli;
import org.fundguard.support.Screened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: the shipped sample-data screened as of 2026-11-25
 * completes, every claim and subsidy rule fires at least once, every service list is filled,
 * rejects, trend report and summary are written, and a rerun gives byte-identical outputs.
 */
abstract class SampleDataTests {

    static final String AS_OF = "2026-11-25";
    static final List<String> CLAIM_RULES = List.of("LN-01", "LN-02", "LN-03", "LN-04", "NAT-01", "NAT-02", "NAT-03",
            "NAT-04", "NAT-05", "NAT-06", "NAT-07");
    static final List<String> SUBSIDY_RULES = List.of("SKL-01", "SKL-02", "SKL-03", "SKL-04", "SKL-05", "SKL-07", "SKL-08");

    @TempDir
    Path tmp;

    abstract String newDatabase(Path dir);

    @Test
    void theSampleRunsFiresEveryRuleAndRerunsByteIdentically() throws Exception {
        String url = newDatabase(tmp.resolve("db"));
        Path out = tmp.resolve("out");
        String[] args = {"screen", "--extracts", Path.of("sample-data").toAbsolutePath().toString(), "--as-of", AS_OF,
                "--out", out.toString()};

        System.setProperty("fundguard.test.log", "INFO"); // the full progress log, as cron gets it
        Cli.Result first;
        try {
            first = Cli.run(url, args);
        } finally {
            System.clearProperty("fundguard.test.log");
        }

        assertThat(first.exitCode()).isZero();
        // the temporary folder's random name is digits too: leave it out of the scan
        assertThat(first.stderr().replace(tmp.toString(), "<tmp>")).contains("contributions.csv").contains("completed")
                .as("no ID number, mobile phone or account number in the log")
                .doesNotContainPattern("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
                .doesNotContainPattern("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
                .doesNotContainPattern("(?<![0-9])[0-9]{12,19}(?![0-9])");
        Path dir = out.resolve(AS_OF);
        Screened s = Screened.read(0, dir);
        for (String rule : CLAIM_RULES) {
            assertThat(s.flaggedBy(rule)).as(rule).isNotEmpty();
        }
        List<Map<String, String>> subsidies = Screened.csv(dir.resolve("subsidy-worklist.csv"));
        for (String rule : SUBSIDY_RULES) {
            assertThat(subsidies).as(rule).anyMatch(r -> List.of(r.get("rules").split("\\|")).contains(rule));
        }
        assertThat(s.alerts()).extracting(a -> a.get("rule")).contains("LN-01", "LN-02", "NAT-01", "NAT-06", "SKL-04", "SKL-06");
        for (String list : List.of("review-deadlines", "registration-push", "rejection-without-reason", "sms-outbox",
                "voluntary-recheck", "transitional-continuation", "medical-refunds")) {
            assertThat(Screened.csv(dir.resolve("service/" + list + ".csv"))).as(list).isNotEmpty();
        }
        assertThat(Files.readString(dir.resolve("trend/report.html"))).contains("<svg").doesNotContain("<script src");
        for (String extract : List.of("employers", "contributions", "claims", "subsidies", "certificates", "registrations", "medical")) {
            assertThat(Screened.csv(dir.resolve("rejects/" + extract + ".csv"))).as(extract).isNotEmpty();
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("outcome").asText()).isEqualTo("COMPLETED");
        for (JsonNode e : summary.get("extracts")) {
            assertThat(e.get("rows_loaded").asLong() + e.get("rows_rejected").asLong()).isEqualTo(e.get("rows_read").asLong());
        }
        assertEndOfRunSummary(first.stderr(), summary);
        Map<String, byte[]> before = outputs(dir);

        Cli.Result rerun = Cli.run(url, args);

        assertThat(rerun.exitCode()).isZero();
        JsonNode rerunSummary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEndOfRunSummary(rerun.stderr(), rerunSummary);
        assertThat(rerun.stderr()).contains("  extract claims         unchanged (already loaded in the run of " + AS_OF + ")");
        Map<String, byte[]> after = outputs(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String file : before.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(before.get(file));
        }
    }

    /**
     * The block that ends the run on standard error: a line per extract and per rule with the
     * figures of summary.json, then the output folder, as the last lines.
     */
    static void assertEndOfRunSummary(String stderr, JsonNode summary) {
        List<String> lines = stderr.lines().toList();
        int start = lines.indexOf("fundguard: run summary, as-of " + AS_OF + ": COMPLETED");
        assertThat(start).as("the summary block in\n" + stderr).isNotNegative();
        List<String> block = lines.subList(start + 1, lines.size());
        int i = 0;
        for (JsonNode e : summary.get("extracts")) {
            String status = e.get("status").asText();
            String expected = status.equals("loaded")
                    ? "loaded: read " + e.get("rows_read").asLong() + ", loaded " + e.get("rows_loaded").asLong() + ", rejected "
                            + e.get("rows_rejected").asLong() + ", warnings " + e.get("warnings").asLong()
                    : "unchanged (already loaded in the run of " + AS_OF + ")";
            assertThat(block.get(i++)).isEqualTo(String.format("  extract %-14s %s", e.get("extract").asText(), expected));
        }
        for (JsonNode r : summary.get("rules")) {
            String expected = r.has("skipped") ? "skipped: " + r.get("skipped").asText().replaceFirst("^skipped: ", "")
                    : "flagged " + r.get("flagged").asLong() + ", alerts " + r.get("alerts").asLong();
            assertThat(block.get(i++)).isEqualTo(String.format("  rule %-7s %s", r.get("code").asText(), expected));
        }
        assertThat(block.get(i)).startsWith("  outputs: ").endsWith("/out/" + AS_OF);
        assertThat(block).hasSize(i + 1);
    }

    /** The files outputs.md promises byte-identical on a rerun: work lists, alerts, service and trend CSVs. */
    static Map<String, byte[]> outputs(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path p : paths) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            boolean promised = rel.endsWith("worklist.csv") || rel.equals("alerts.csv") || rel.startsWith("service/")
                    || (rel.startsWith("trend/") && rel.endsWith(".csv"));
            if (promised) {
                files.put(rel, Files.readAllBytes(p));
            }
        }
        assertThat(files).containsKeys("worklist.csv", "subsidy-worklist.csv", "alerts.csv");
        return files;
    }
}
