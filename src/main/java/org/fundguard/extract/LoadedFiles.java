package org.fundguard.extract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The loaded_file and load_reject tables: which files were loaded, when, with what rejects. */
@Repository
public class LoadedFiles {

    private final JdbcTemplate jdbc;

    public LoadedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static LoadedFile map(ResultSet rs, int n) throws SQLException {
        return new LoadedFile(rs.getLong("id"), Extract.valueOf(rs.getString("extract")), rs.getString("file_name"),
                rs.getString("sha256"), rs.getObject("as_of", LocalDate.class), rs.getString("state"),
                rs.getLong("rows_read"), rs.getLong("rows_loaded"), rs.getLong("rows_rejected"),
                rs.getLong("warnings"), rs.getLong("unknown_refs"), rs.getString("unknown_columns"));
    }

    public Optional<LoadedFile> find(long id) {
        return jdbc.query("SELECT * FROM loaded_file WHERE id = ?", LoadedFiles::map, id).stream().findFirst();
    }

    /** The earliest loaded file of this extract with this content, if any. */
    public Optional<LoadedFile> findLoaded(Extract extract, String sha256) {
        return jdbc.query("SELECT * FROM loaded_file WHERE extract = ? AND sha256 = ? AND state = 'LOADED' ORDER BY id",
                LoadedFiles::map, extract.name(), sha256).stream().findFirst();
    }

    /** The file of this extract staged for this as-of date and not yet merged. */
    public Optional<LoadedFile> findStaged(Extract extract, String sha256, LocalDate asOf) {
        return jdbc.query("SELECT * FROM loaded_file WHERE extract = ? AND sha256 = ? AND as_of = ? AND state = 'STAGED'",
                LoadedFiles::map, extract.name(), sha256, asOf).stream().findFirst();
    }

    public List<LoadedFile> staged() {
        return jdbc.query("SELECT * FROM loaded_file WHERE state = 'STAGED' ORDER BY id", LoadedFiles::map);
    }

    /** Forgets unfinished stagings of an extract (an interrupted or superseded load). */
    public void discardUnfinished(Extract extract) {
        jdbc.update("DELETE FROM loaded_file WHERE extract = ? AND state IN ('STAGING', 'STAGED', 'REJECTED')", extract.name());
    }

    public long create(Extract extract, String fileName, String sha256, LocalDate asOf, List<String> unknownColumns) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO loaded_file (extract, file_name, sha256, as_of, state, unknown_columns, staged_at)"
                    + " VALUES (?, ?, ?, ?, 'STAGING', ?, ?)", new String[] {"id"});
            ps.setString(1, extract.name());
            ps.setString(2, fileName);
            ps.setString(3, sha256);
            ps.setObject(4, asOf);
            ps.setString(5, unknownColumns.isEmpty() ? null : String.join(",", unknownColumns));
            ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void staged(long id, long read, long loaded, long rejected, long warnings) {
        jdbc.update("UPDATE loaded_file SET state = 'STAGED', rows_read = ?, rows_loaded = ?, rows_rejected = ?, warnings = ?"
                + " WHERE id = ?", read, loaded, rejected, warnings, id);
    }

    public void loaded(long id, long unknownRefs) {
        jdbc.update("UPDATE loaded_file SET state = 'LOADED', unknown_refs = ?, loaded_at = ? WHERE id = ?",
                unknownRefs, Timestamp.valueOf(LocalDateTime.now()), id);
    }

    public void rejected(long id) {
        jdbc.update("UPDATE loaded_file SET state = 'REJECTED' WHERE id = ?", id);
    }

    /** Stores reject lines; {@code firstSeq} orders the lines of one record (WARNs in column order). */
    public void addRejects(long fileId, List<RejectLine> lines, long firstSeq) {
        if (lines.isEmpty()) {
            return;
        }
        long[] seq = {firstSeq};
        jdbc.batchUpdate("INSERT INTO load_reject (file_id, line_no, severity, reason, col, message, raw, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                lines, lines.size(), (ps, r) -> {
                    ps.setLong(8, seq[0]++);
                    ps.setLong(1, fileId);
                    ps.setLong(2, r.line());
                    ps.setString(3, r.issue().severity().name());
                    ps.setString(4, r.issue().reason());
                    ps.setString(5, r.issue().column());
                    ps.setString(6, r.issue().message());
                    ps.setString(7, r.raw());
                });
    }

    /** Every reject line of a file, in line order (ERROR before WARN on one line cannot happen). */
    public void forEachReject(long fileId, java.util.function.Consumer<RejectLine> consumer) {
        jdbc.query("SELECT line_no, severity, reason, col, message, raw FROM load_reject WHERE file_id = ?"
                        + " ORDER BY line_no, seq",
                rs -> {
                    consumer.accept(new RejectLine(rs.getLong(1), new Issue(Issue.Severity.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6)));
                }, fileId);
    }

    /** An extract is available once rows of it have been loaded, by this run or an earlier one (extracts.md). */
    public boolean isAvailable(Extract extract) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM loaded_file WHERE extract = ? AND state = 'LOADED' AND rows_loaded > 0",
                Long.class, extract.name());
        return n != null && n > 0;
    }
}
