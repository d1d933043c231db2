package org.fundguard.worklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fundguard.export.CsvTableWriter;
import org.fundguard.export.OutputFiles;
import org.fundguard.screening.Rule;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a work list (worklist.csv, subsidy-worklist.csv) and its by-region split from stored
 * flags: the query returns one row per case and rule, ordered by case severity, region code,
 * case id and rule; consecutive rows of a case become one line with the case's cells, then
 * severity, the sorted rule codes joined by {@code |}, the evidence and the actions joined by
 * {@code ；}, any extra cells, first_flagged_on and is_new.
 */
final class CaseListWriter {

    /** The per-list part: the case's own cells (id first, region code second) and extra cells after the action. */
    interface Columns {
        Object[] cells(ResultSet rs) throws SQLException;

        default Object[] extra(Object[] cells) {
            return new Object[0];
        }
    }

    private final Map<String, Rule> rules;

    CaseListWriter(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** One case's flags gathered from consecutive rows. */
    private static final class Case {
        Object[] cells;
        String severity;
        LocalDate firstFlagged;
        final List<String> codes = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();
    }

    /**
     * @param sql with one parameter (the as-of date) and columns {@code item_id, rule, evidence,
     *            case_severity, first_flagged_on} besides those {@code columns} reads
     */
    void write(JdbcTemplate jdbc, String sql, LocalDate asOf, Path outDir, String fileName, List<String> header, Columns columns) {
        deleteSplit(outDir, fileName);
        Map<String, CsvTableWriter> regions = new TreeMap<>();
        CsvTableWriter all = new CsvTableWriter(outDir.resolve(fileName), header);
        try {
            Case[] current = {null};
            jdbc.query(sql, rs -> {
                String id = rs.getString("item_id");
                if (current[0] != null && !current[0].cells[0].equals(id)) {
                    emit(current[0], header, columns, asOf, all, regions, outDir, fileName);
                    current[0] = null;
                }
                if (current[0] == null) {
                    Case c = new Case();
                    c.cells = columns.cells(rs);
                    c.severity = rs.getString("case_severity");
                    c.firstFlagged = rs.getObject("first_flagged_on", LocalDate.class);
                    current[0] = c;
                }
                current[0].codes.add(rs.getString("rule"));
                current[0].evidence.add(rs.getString("evidence"));
            }, asOf);
            if (current[0] != null) {
                emit(current[0], header, columns, asOf, all, regions, outDir, fileName);
            }
            all.close();
            regions.values().forEach(CsvTableWriter::close);
        } catch (RuntimeException | Error e) {
            // a failed query or a full disk: no half list under its final name, no temporary file left
            all.discard();
            regions.values().forEach(CsvTableWriter::discard);
            throw e;
        }
    }

    private void emit(Case c, List<String> header, Columns columns, LocalDate asOf, CsvTableWriter all,
                      Map<String, CsvTableWriter> regions, Path outDir, String fileName) {
        Set<String> actions = new LinkedHashSet<>();
        c.codes.forEach(code -> actions.add(rules.get(code).action()));
        Object[] extra = columns.extra(c.cells);
        List<Object> row = new ArrayList<>(header.size());
        row.addAll(Arrays.asList(c.cells)); // cells may be null (an employer no extract delivered)
        row.add(c.severity);
        row.add(String.join("|", c.codes));
        row.add(String.join("；", c.evidence));
        row.add(String.join("；", actions));
        row.addAll(Arrays.asList(extra));
        row.add(c.firstFlagged);
        row.add(asOf.equals(c.firstFlagged) ? "Y" : "N");
        Object[] cells = row.toArray();
        all.row(cells);
        String region = (String) c.cells[1];
        // the region code comes from the data: the path is checked to stay inside OUT/<as-of>/
        regions.computeIfAbsent(region, r -> new CsvTableWriter(OutputFiles.resolveInside(outDir, "by-region", r, fileName), header))
                .row(cells);
    }

    /** Removes the split files of an earlier attempt, so a region without cases tonight has no stale list. */
    static void deleteSplit(Path outDir, String fileName) {
        Path dir = outDir.resolve("by-region");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> regions = Files.list(dir)) {
            for (Path region : regions.toList()) {
                Files.deleteIfExists(OutputFiles.resolveInside(outDir, "by-region", region.getFileName().toString(), fileName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
