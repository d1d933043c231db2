package org.fundguard.support;

import com.opencsv.CSVReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outputs of one screening run as an auditor would open them: worklist.csv and alerts.csv
 * parsed with opencsv (BOM checked and stripped), rows by column name.
 */
public record Screened(int exitCode, Path outDir, List<Map<String, String>> worklist, List<Map<String, String>> alerts) {

    public static Screened read(int exitCode, Path outDir) {
        return new Screened(exitCode, outDir, csv(outDir.resolve("worklist.csv")), csv(outDir.resolve("alerts.csv")));
    }

    public static List<Map<String, String>> csv(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (CSVReader reader = new CSVReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            String[] header = rows.get(0);
            if (!header[0].startsWith("\uFEFF")) {
                throw new AssertionError(file + " has no byte-order mark");
            }
            header[0] = header[0].substring(1);
            List<Map<String, String>> out = new ArrayList<>();
            for (String[] row : rows.subList(1, rows.size())) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], row[i]);
                }
                out.add(m);
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Claim ids the given rule flagged (its code in the rules column). */
    public Set<String> flaggedBy(String rule) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, String> row : worklist) {
            if (List.of(row.get("rules").split("\\|")).contains(rule)) {
                ids.add(row.get("claim_id"));
            }
        }
        return ids;
    }

    public Map<String, String> claim(String claimId) {
        return worklist.stream().filter(r -> r.get("claim_id").equals(claimId)).findFirst()
                .orElseThrow(() -> new AssertionError(claimId + " is not in the worklist"));
    }

    public List<Map<String, String>> alertsOf(String rule) {
        return alerts.stream().filter(a -> a.get("rule").equals(rule)).toList();
    }
}
