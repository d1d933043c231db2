package org.fundguard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fundguard.support.Cli;

/**
 * Helpers of the trend-report tests: running the real command, and planting the results of
 * earlier (or later) nightly runs — case_flag, alert and alert_first rows with another as-of date —
 * which the trend report must count ("any run up to D") or ignore (after D).
 */
final class TrendFixtures {

    private TrendFixtures() {
    }

    /** Runs {@code screen} in-process; returns the exit code. */
    static int screen(String url, Path extracts, Path outRoot, String asOf, Path config) {
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.toString(), "--as-of", asOf,
                "--out", outRoot.toString()));
        if (config != null) {
            args.add("--config");
            args.add(config.toString());
        }
        return Cli.run(url, args.toArray(String[]::new)).exitCode();
    }

    static Path config(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Job-definition lines that switch off every claim rule but {@code keep}. */
    static List<String> onlyClaimRules(String... keep) {
        List<String> lines = new ArrayList<>();
        for (String code : List.of("LN-01", "LN-02", "LN-03", "LN-04", "NAT-01", "NAT-02", "NAT-03", "NAT-04", "NAT-05",
                "NAT-06", "NAT-07")) {
            if (!List.of(keep).contains(code)) {
                lines.add("rule." + code + ".enabled=false");
            }
        }
        return lines;
    }

    static Connection connect(String url) throws SQLException {
        if (url.startsWith("jdbc:postgresql")) {
            return DriverManager.getConnection(url, "postgres", "");
        }
        return DriverManager.getConnection(url, "sa", "");
    }

    /** A flag as a run of {@code asOf} would have stored it. */
    static void flag(Connection c, String asOf, String itemType, String itemId, String rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_flag (as_of, item_type, item_id, rule, severity, evidence) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, LocalDate.parse(asOf));
            ps.setString(2, itemType);
            ps.setString(3, itemId);
            ps.setString(4, rule);
            ps.setString(5, rule.startsWith("NAT") ? "HIGH" : "VERIFY");
            ps.setString(6, rule + " planted by the test");
            ps.executeUpdate();
        }
    }

    /** An alert row of the run of {@code asOf}. */
    static void alert(Connection c, String asOf, String alertId, String rule, String entityType, String entityId,
                      String regionCode, String periodStart, String periodEnd, String value, String threshold) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (as_of, alert_id, rule, severity, entity_type, entity_id,"
                + " entity_name, region_code, period_start, period_end, metric, metric_value, threshold, related_cases)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, LocalDate.parse(asOf));
            ps.setString(2, alertId);
            ps.setString(3, rule);
            ps.setString(4, rule.startsWith("NAT") ? "HIGH" : "VERIFY");
            ps.setString(5, entityType);
            ps.setString(6, entityId);
            ps.setString(7, null);
            ps.setString(8, regionCode);
            ps.setObject(9, LocalDate.parse(periodStart));
            ps.setObject(10, LocalDate.parse(periodEnd));
            ps.setString(11, "planted");
            ps.setString(12, value);
            ps.setString(13, threshold);
            ps.setInt(14, 1);
            ps.executeUpdate();
        }
    }

    static void firstRaised(Connection c, String alertId, String date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_first (alert_id, first_raised_on) VALUES (?, ?)")) {
            ps.setString(1, alertId);
            ps.setObject(2, LocalDate.parse(date));
            ps.executeUpdate();
        }
    }

    /** Every file under {@code dir} (relative path → bytes), to compare two runs. */
    static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data lines of a CSV output without the BOM and header, as written (CRLF checked by the caller). */
    static List<String> lines(Path csv) {
        String t = text(csv);
        if (!t.startsWith("\uFEFF")) {
            throw new AssertionError(csv + " has no byte-order mark");
        }
        String[] all = t.substring(1).split("\r\n", -1);
        List<String> out = new ArrayList<>(List.of(all));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
