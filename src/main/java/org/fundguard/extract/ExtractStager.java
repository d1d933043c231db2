package org.fundguard.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.fundguard.run.Dialect;
import org.fundguard.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads one extract file, validates every record and streams the valid rows into the staging
 * table, every reject into load_reject, all on the caller's transaction. Keys that occur twice
 * are found set-based in staging afterwards (the first line stays), so memory stays flat
 * whatever the file size. A file whose SHA-256 was already loaded is not read again.
 */
@Component
public class ExtractStager {

    private static final Logger log = LoggerFactory.getLogger(ExtractStager.class);
    private static final int REJECT_BATCH = 1000;
    /** Sizes the duplicate filter from the file size: a low guess of bytes per row, so the filter errs large. */
    private static final long BYTES_PER_ROW_GUESS = 32;

    /** What staging did with a file: staged now, found staged already, or skipped as already loaded. */
    public record Outcome(LoadedFile file, boolean alreadyLoaded) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final LoadedFiles files;
    private final Dialect dialect;

    public ExtractStager(DataSource dataSource, JdbcTemplate jdbc, LoadedFiles files, Dialect dialect) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.files = files;
        this.dialect = dialect;
    }

    /** Thrown when a stop was requested (SIGTERM) while a file was being read; the transaction rolls back. */
    public static final class StopRequested extends RuntimeException {
        StopRequested(String message) {
            super(message);
        }
    }

    public Outcome stage(Extract extract, Path file, ExtractHeader header, Charset charset, LocalDate asOf) {
        return stage(extract, file, header, charset, asOf, () -> false);
    }

    public Outcome stage(Extract extract, Path file, ExtractHeader header, Charset charset, LocalDate asOf,
                         java.util.function.BooleanSupplier stopRequested) {
        String sha = sha256(file);
        var loaded = files.findLoaded(extract, sha);
        if (loaded.isPresent()) {
            log.info("{}: same SHA-256 as the file loaded in the run of {}; not loaded again", extract.fileName(), loaded.get().asOf());
            return new Outcome(loaded.get(), true);
        }
        var staged = files.findStaged(extract, sha, asOf);
        if (staged.isPresent() && stagedRows(extract) == staged.get().rowsLoaded()) {
            log.info("{}: already staged by an earlier attempt of this run", extract.fileName());
            return new Outcome(staged.get(), false);
        }
        files.discardUnfinished(extract);
        jdbc.execute(dialect.truncate(extract.stagingTable()));
        long fileId = files.create(extract, file.toString(), sha, asOf, header.unknownColumns());
        try {
            return new Outcome(read(extract, file, header, charset, asOf, fileId, stopRequested), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stage " + file + ": " + e.getMessage(), e);
        }
    }

    private long stagedRows(Extract extract) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + extract.stagingTable(), Long.class);
        return n == null ? 0 : n;
    }

    private LoadedFile read(Extract extract, Path file, ExtractHeader header, Charset charset, LocalDate asOf, long fileId,
                            java.util.function.BooleanSupplier stopRequested) throws IOException, SQLException {
        RowValidator validator = new RowValidator(extract, header.fieldOfColumn(), header.fieldCount(), asOf);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<RejectLine> rejects = new ArrayList<>(REJECT_BATCH);
        long read = 0;
        long rejected = 0;
        long warnings = 0;
        long seq = 0;
        Progress progress = new Progress(log, extract.fileName());
        KeyFilter seenKeys = new KeyFilter(Files.size(file) / BYTES_PER_ROW_GUESS);
        int[] keyIndex = extract.key().stream().mapToInt(extract::indexOf).toArray();
        Candidates candidates = new Candidates();
        try (InputStream in = Files.newInputStream(file);
             CsvRecordReader reader = new CsvRecordReader(in, charset);
             StagingWriter staging = StagingWriter.open(dialect, connection, extract, fileId)) {
            reader.next(); // the header, checked before the run started
            CsvRecordReader.Record record;
            while ((record = reader.next()) != null) {
                read++;
                List<Issue> issues = unreadable(record, charset);
                if (issues == null) {
                    RowValidator.Result result = validator.validate(record.fields());
                    issues = result.issues();
                    if (!result.rejected()) {
                        staging.write(record.line(), result.values());
                        if (seenKeys.addAndCheck(key(result.values(), keyIndex))) {
                            candidates.add(result.values(), keyIndex);
                        }
                    }
                }
                for (Issue issue : issues) {
                    if (issue.severity() == Issue.Severity.ERROR) {
                        rejected++;
                    } else {
                        warnings++;
                    }
                    rejects.add(new RejectLine(record.line(), issue, record.raw()));
                }
                if (rejects.size() >= REJECT_BATCH) {
                    files.addRejects(fileId, rejects, seq);
                    seq += rejects.size();
                    rejects.clear();
                }
                progress.tick(read);
                if ((read & 0xFFF) == 0 && stopRequested.getAsBoolean()) {
                    throw new StopRequested(extract.fileName() + ": stopped after " + read + " rows");
                }
            }
        }
        files.addRejects(fileId, rejects, seq);
        seq += rejects.size();
        long[] dup = rejectDuplicates(extract, file, charset, fileId, seq, candidates);
        rejected += dup[0];
        warnings -= dup[1];
        long loaded = read - rejected;
        files.staged(fileId, read, loaded, rejected, warnings);
        progress.done(read, "loaded " + loaded + ", rejected " + rejected + ", warnings " + warnings);
        return files.find(fileId).orElseThrow();
    }

    /**
     * Rejects later occurrences of a key with DUPLICATE_KEY (compared on the normalised staged
     * values), drops their WARN lines, and removes them from staging.
     *
     * @return the number of duplicates and the number of WARN lines dropped
     */
    private long[] rejectDuplicates(Extract extract, Path file, Charset charset, long fileId, long seq, Candidates candidates)
            throws IOException, SQLException {
        if (candidates.none()) {
            return new long[] {0, 0}; // every key was certainly new
        }
        String stg = extract.stagingTable();
        String keys = String.join(", ", extract.dbKey());
        String rows = stg;
        if (dialect == Dialect.POSTGRESQL && !candidates.overflow()) {
            // only the rows with a candidate key: one hash join over the staged rows
            copyCandidates(candidates);
            List<String> key = extract.dbKey();
            // the candidates are cast to the staged columns' types (not the other way round) so
            // that the staged rows are compared as they are, with no per-row conversion
            String on = java.util.stream.IntStream.range(0, key.size())
                    .mapToObj(i -> "s." + key.get(i) + " = CAST(c.k" + (i + 1) + " AS " + columnType(stg, key.get(i)) + ")")
                    .collect(java.util.stream.Collectors.joining(" AND "));
            rows = "(SELECT s.* FROM " + stg + " s WHERE EXISTS (SELECT 1 FROM stg_key_candidate c WHERE " + on + ")) s";
        }
        // a window, not a join with a grouped derived table: H2 would re-run the grouping per row
        String duplicates = "SELECT line_no, first_line FROM (SELECT line_no, MIN(line_no) OVER (PARTITION BY " + keys
                + ") AS first_line FROM " + rows + ") x WHERE line_no > first_line";
        TreeMap<Long, Long> firstLineOf = new TreeMap<>();
        jdbc.query(duplicates, rs -> {
            firstLineOf.put(rs.getLong(1), rs.getLong(2));
        });
        if (firstLineOf.isEmpty()) {
            return new long[] {0, 0};
        }
        Long[] lines = firstLineOf.keySet().toArray(Long[]::new);
        int droppedWarnings = jdbc.update(c -> {
            var ps = c.prepareStatement("DELETE FROM load_reject WHERE file_id = ? AND severity = 'WARN' AND line_no = ANY (?)");
            ps.setLong(1, fileId);
            ps.setArray(2, c.createArrayOf("BIGINT", lines));
            return ps;
        });
        jdbc.update(c -> {
            var ps = c.prepareStatement("DELETE FROM " + stg + " WHERE line_no = ANY (?)");
            ps.setArray(1, c.createArrayOf("BIGINT", lines));
            return ps;
        });
        String column = String.join("+", extract.key());
        List<RejectLine> rejects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); CsvRecordReader reader = new CsvRecordReader(in, charset)) {
            CsvRecordReader.Record record;
            while ((record = reader.next()) != null && !firstLineOf.isEmpty()) {
                Long first = firstLineOf.remove(record.line());
                if (first != null) {
                    rejects.add(new RejectLine(record.line(), Issue.error("DUPLICATE_KEY", column,
                            "键 (" + String.join(", ", extract.key()) + ") 与第 " + first + " 行重复，保留第 " + first + " 行"),
                            record.raw()));
                }
            }
        }
        files.addRejects(fileId, rejects, seq);
        return new long[] {rejects.size(), droppedWarnings};
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = CAST(? AS regclass) AND attname = ?", String.class, table, column);
    }

    private void copyCandidates(Candidates candidates) throws SQLException, IOException {
        jdbc.execute("TRUNCATE TABLE stg_key_candidate");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        StringBuilder lines = new StringBuilder();
        for (String[] key : candidates.keys) {
            for (int i = 0; i < key.length; i++) {
                lines.append(i == 0 ? "" : ",").append('"').append(key[i].replace("\"", "\"\"")).append('"');
            }
            lines.append('\n');
        }
        String columns = java.util.stream.IntStream.rangeClosed(1, candidates.width).mapToObj(i -> "k" + i)
                .collect(java.util.stream.Collectors.joining(", "));
        connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                .copyIn("COPY stg_key_candidate (" + columns + ") FROM STDIN WITH (FORMAT csv)", new java.io.StringReader(lines.toString()));
        jdbc.execute("ANALYZE stg_key_candidate");
    }

    private static String key(Object[] values, int[] keyIndex) {
        if (keyIndex.length == 1) {
            return String.valueOf(values[keyIndex[0]]);
        }
        StringBuilder key = new StringBuilder(48);
        for (int i : keyIndex) {
            key.append(values[i]).append('\u0001');
        }
        return key.toString();
    }

    /**
     * Keys (as the database prints them) of the rows whose key the filter may have seen. Past
     * {@value #MAX} of them (a file made mostly of duplicates) the search falls back to all
     * staged rows, keeping memory bounded.
     */
    private static final class Candidates {
        static final int MAX = 200_000;
        final List<String[]> keys = new ArrayList<>();
        int width;
        boolean overflow;

        void add(Object[] values, int[] keyIndex) {
            if (keys.size() == MAX) {
                overflow = true;
                return;
            }
            String[] key = new String[keyIndex.length];
            for (int i = 0; i < keyIndex.length; i++) {
                key[i] = String.valueOf(values[keyIndex[i]]);
            }
            width = keyIndex.length;
            keys.add(key);
        }

        boolean none() {
            return keys.isEmpty() && !overflow;
        }

        boolean overflow() {
            return overflow;
        }
    }

    /**
     * The BAD_CSV issue of a record that cannot be validated at all (broken quoting or field
     * count, bytes not valid in the charset, a NUL byte no database text can hold), or null.
     */
    static List<Issue> unreadable(CsvRecordReader.Record record, Charset charset) {
        if (record.broken()) {
            return List.of(Issue.error("BAD_CSV", "", record.error()));
        }
        if (record.raw().indexOf('\0') >= 0) {
            return List.of(Issue.error("BAD_CSV", "", "含有 NUL (0x00) 字节"));
        }
        if (record.undecodable()) {
            return List.of(Issue.error("BAD_CSV", "", "含有不符合 " + charset.name()
                    + " 编码的字节（若为 GBK/GB18030 导出文件，请使用 --charset GB18030）"));
        }
        return null;
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // digest as we go
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
