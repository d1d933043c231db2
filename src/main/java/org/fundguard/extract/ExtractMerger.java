package org.fundguard.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.fundguard.run.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts every staged file into its extract table by key (a corrected row replaces the earlier
 * one), set-based with the standard MERGE that H2 and PostgreSQL share, then counts references to
 * employers that no extract has delivered. Runs on the caller's transaction: the night's load
 * becomes visible all at once or not at all.
 */
@Component
public class ExtractMerger {

    private static final Logger log = LoggerFactory.getLogger(ExtractMerger.class);

    static final String BULK_MAINTENANCE_WORK_MEM = "512MB";

    private final JdbcTemplate jdbc;
    private final LoadedFiles files;
    private final Dialect dialect;
    private final ContributionIslands islands;
    private final ChangeLog changes;

    public ExtractMerger(JdbcTemplate jdbc, LoadedFiles files, Dialect dialect, ContributionIslands islands, ChangeLog changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.islands = islands;
        this.files = files;
        this.dialect = dialect;
    }

    /** Merges all staged files, employers first so that references can be checked. */
    public void mergeStaged() {
        List<LoadedFile> staged = files.staged();
        for (Extract extract : Extract.values()) {
            for (LoadedFile file : staged) {
                if (file.extract() == extract) {
                    merge(file);
                }
            }
        }
    }

    private void merge(LoadedFile file) {
        Extract extract = file.extract();
        long start = System.nanoTime();
        org.fundguard.run.StepTimer.activity("merging " + extract.fileName() + " into " + extract.table());
        boolean firstLoad = targetEmpty(extract);
        boolean bulk = dialect == Dialect.POSTGRESQL && firstLoad;
        // after a first load of contributions, their islands are computed beside the append and the key build
        CompletableFuture<Void> stagingReleased = new CompletableFuture<>();
        Future<ContributionIslands.Prepared> islandsAhead =
                bulk && extract == Extract.CONTRIBUTIONS ? islands.startFirstLoad(stagingReleased) : null;
        if (islandsAhead == null) {
            stagingReleased.complete(null);
        }
        try {
            merge(file, extract, start, firstLoad, bulk, islandsAhead, stagingReleased);
        } catch (RuntimeException e) {
            if (islandsAhead != null) {
                ContributionIslands.discard(islandsAhead); // its temporary files, when the merge failed first
            }
            throw e;
        }
    }

    private void merge(LoadedFile file, Extract extract, long start, boolean firstLoad, boolean bulk,
                       Future<ContributionIslands.Prepared> islandsAhead,
                       Future<Void> stagingReleased) {
        changes.beforeMerge(extract);
        int rows;
        // where tonight's rows are now: still staged, or the table itself after a first load took the staging table over
        String tonight = extract.stagingTable();
        List<String> notNull = bulk ? swappable(extract) : null;
        if (!bulk) {
            rows = jdbc.update(mergeSql(extract));
        } else {
            rows = bulkInsert(extract, file, notNull, stagingReleased);
            if (notNull != null) {
                tonight = extract.table();
            }
        }
        changes.afterMerge(extract, tonight);
        if (dialect == Dialect.POSTGRESQL && (bulk || PlannerStatistics.stale(jdbc, extract.table(), rows))) {
            // fresh planner statistics before the rules run after a first load or a merge of a tenth
            // of the table or more; a smaller delta is left to autovacuum (ANALYZE of 21 M rows: 1 s)
            jdbc.execute("ANALYZE " + extract.table());
        }
        long unknown = 0;
        String reference = extract.employerReference();
        long checked = System.nanoTime();
        if (reference != null) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + tonight + " s WHERE s." + reference
                    + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM employer e WHERE e.employer_id = s." + reference + ")", Long.class);
            unknown = n == null ? 0 : n;
            long ms = (System.nanoTime() - checked) / 1_000_000;
            if (ms >= 1000) {
                log.info("{}: employer references checked in {} ms", extract.fileName(), ms);
            }
        }
        if (extract == Extract.CONTRIBUTIONS) {
            // into an empty table (H2 too) every contribution is tonight's: the islands are built from scratch
            islands.refresh(firstLoad, islandsAhead);
        }
        jdbc.execute(dialect.truncate(extract.stagingTable()));
        files.loaded(file.id(), unknown);
        log.info("{}: merged {} rows into {}{} in {} ms{}", extract.fileName(), rows, extract.table(),
                bulk ? " (first load: bulk insert, keys built after)" : "",
                (System.nanoTime() - start) / 1_000_000, unknown > 0 ? "; " + unknown + " rows name an unknown employer" : "");
    }

    private boolean targetEmpty(Extract extract) {
        return Boolean.FALSE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + extract.table() + ")", Boolean.class));
    }

    /**
     * First load into an empty table (PostgreSQL): the staged table takes the table's place
     * ({@link #swapIn}; {@code notNull} are then the table's NOT NULL columns, see
     * {@link #swappable}) or, when their columns differ, the table's keys and indexes are dropped
     * and the staged rows appended in one pass; either way the keys are built once afterwards by
     * sorting, which is several times faster than maintaining them row by row (21 M
     * contributions: minutes with MERGE). All inside the caller's transaction, so a failure
     * restores the table, its indexes and the staged rows.
     */
    private int bulkInsert(Extract extract, LoadedFile file, List<String> notNull, Future<Void> stagingReleased) {
        String table = extract.table();
        List<String[]> constraints = jdbc.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = CAST(? AS regclass) AND contype IN ('p', 'u')",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, table);
        List<String[]> indexes = jdbc.query("SELECT CAST(indexrelid AS regclass) AS name, pg_get_indexdef(indexrelid) FROM pg_index i"
                + " WHERE indrelid = CAST(? AS regclass) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, table);
        long start = System.nanoTime();
        int rows;
        if (notNull != null) {
            swapIn(extract, notNull, stagingReleased);
            rows = (int) file.rowsLoaded(); // the staging table holds exactly the loaded rows (ExtractStager)
        } else {
            for (String[] index : indexes) {
                jdbc.execute("DROP INDEX " + index[0]);
            }
            for (String[] constraint : constraints) {
                jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint[0]);
            }
            String columns = String.join(", ", extract.dbColumns()) + ", file_id";
            rows = jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + extract.stagingTable());
        }
        long appended = System.nanoTime();
        // index builds sort in memory when they can; the server default (64 MB) would spill to disk
        jdbc.execute("SET LOCAL maintenance_work_mem = '" + BULK_MAINTENANCE_WORK_MEM + "'");
        for (String[] constraint : constraints) {
            jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint[0] + " " + constraint[1]);
        }
        for (String[] index : indexes) {
            jdbc.execute(index[1]);
        }
        log.info("{}: {} rows appended in {} ms, keys and indexes built in {} ms", table, rows, (appended - start) / 1_000_000,
                (System.nanoTime() - appended) / 1_000_000);
        return rows;
    }

    /**
     * The staging table's columns are the table's plus {@code line_no} (same names, types and
     * collations; the table has no defaults or generated columns): the staged table can become
     * the table. Returns the table's NOT NULL columns then, otherwise null.
     */
    private List<String> swappable(Extract extract) {
        String columns = "SELECT attname, format_type(atttypid, atttypmod), attcollation, attnotnull, atthasdef OR attgenerated <> ''"
                + " FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped ORDER BY attnum";
        org.springframework.jdbc.core.RowMapper<List<Object>> row = (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getBoolean(4), rs.getBoolean(5));
        List<List<Object>> target = jdbc.query(columns, row, extract.table());
        List<List<Object>> staged = jdbc.query(columns, row, extract.stagingTable());
        if (staged.size() != target.size() + 1 || !"line_no".equals(staged.get(target.size()).get(0))) {
            return null;
        }
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            List<Object> t = target.get(i);
            List<Object> s = staged.get(i);
            if (!t.subList(0, 3).equals(s.subList(0, 3)) || (Boolean) t.get(4) || (Boolean) s.get(4)) {
                return null;
            }
            if ((Boolean) t.get(3)) {
                notNull.add((String) t.get(0));
            }
        }
        return notNull;
    }

    /**
     * First load of a large table (PostgreSQL): instead of copying the staged rows (21 M
     * contributions: about 28 s), the staging table is made durable (SET LOGGED writes it to the
     * write-ahead log in one pass, about half the time) and takes the table's place; a new empty
     * staging table replaces it. All inside the merge's transaction, so a failure restores the
     * empty table and the staged rows. The islands computation must have read the staged rows
     * first: it holds a lock on them until then.
     */
    private void swapIn(Extract extract, List<String> notNull, Future<Void> stagingReleased) {
        String table = extract.table();
        String staging = extract.stagingTable();
        ContributionIslands.await(stagingReleased);
        // privileges granted on the table (a reporting role, say) pass to its successor
        List<String> grants = jdbc.query("SELECT privilege_type, grantee FROM information_schema.role_table_grants"
                + " WHERE table_schema = current_schema() AND table_name = ? AND grantee <> current_user",
                (rs, i) -> "GRANT " + rs.getString(1) + " ON " + table + " TO \"" + rs.getString(2).replace("\"", "\"\"") + "\"", table);
        jdbc.execute("ALTER TABLE " + staging + " SET LOGGED");
        jdbc.execute("DROP TABLE " + table);
        jdbc.execute("ALTER TABLE " + staging + " RENAME TO " + table);
        jdbc.execute("ALTER TABLE " + table + " DROP COLUMN line_no");
        // the new staging table: the same columns, no constraints, no write-ahead log, no autovacuum
        jdbc.execute("CREATE UNLOGGED TABLE " + staging + " (LIKE " + table + ")");
        jdbc.execute("ALTER TABLE " + staging + " ADD COLUMN line_no BIGINT");
        jdbc.execute("ALTER TABLE " + staging + " SET (autovacuum_enabled = false)");
        StringBuilder alter = new StringBuilder("ALTER TABLE " + table + " RESET (autovacuum_enabled)");
        for (String column : notNull) {
            alter.append(", ALTER COLUMN ").append(column).append(" SET NOT NULL");
        }
        jdbc.execute(alter.toString());
        grants.forEach(jdbc::execute);
    }

    static String mergeSql(Extract extract) {
        List<String> columns = extract.dbColumns();
        List<String> key = extract.dbKey();
        String on = key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = s." + c)
                .collect(Collectors.joining(", "));
        String insertColumns = String.join(", ", columns) + ", file_id";
        String values = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ", s.file_id";
        return "MERGE INTO " + extract.table() + " t USING " + extract.stagingTable() + " s ON (" + on + ")"
                + " WHEN MATCHED THEN UPDATE SET " + set + ", file_id = s.file_id"
                + " WHEN NOT MATCHED THEN INSERT (" + insertColumns + ") VALUES (" + values + ")";
    }
}
