package org.fundguard.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.fundguard.run.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code employment_island}, {@code insured_island} (runs of consecutive contribution
 * months) and {@code employer_month} (V10) equal to what the contributions imply (contribution
 * rows are only ever added or corrected in place, never removed). Called by the merge, on its transaction,
 * after a contributions file is merged and before its staging table is emptied. After a first
 * (bulk) load everything is computed from the contributions; otherwise only the islands of the
 * persons and employers of that file change, and they are merged from those pairs' islands so
 * far and the staged months, without reading contribution rows (a month is never removed, so
 * islands only grow and join). The claim rules read the islands instead of the monthly rows.
 */
@Component
public class ContributionIslands {

    private static final Logger log = LoggerFactory.getLogger(ContributionIslands.class);

    /** Persons restricted to those staged tonight; empty for a full rebuild. */
    private static final String TOUCHED = " WHERE person_id IN (SELECT person_id FROM stg_contribution)";
    /** The pairs (person, employer) staged tonight: the only ones whose employment islands can change. */
    private static final String TOUCHED_PAIRS = " WHERE (person_id, employer_id) IN (SELECT person_id, employer_id FROM stg_contribution)";

    /**
     * Everyone's islands (H2; PostgreSQL streams them, see {@link #read}): one pass over the
     * contributions in key order: a month whose predecessor is missing starts an
     * island, one whose successor is missing ends it; of those rows only, each start is paired
     * with the end that follows it (a one-month island is both).
     */
    private static final String EMPLOYMENT = """
            INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
            SELECT person_id, employer_id, first_p, last_p,
                   LEAD(first_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p)
              FROM (SELECT person_id, employer_id, period_month AS first_p, is_start,
                           CASE WHEN is_end = 1 THEN period_month
                                ELSE LEAD(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month) END AS last_p
                      FROM (SELECT person_id, employer_id, period_month,
                                   CASE WHEN LAG(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month)
                                             = period_month - 1 THEN 0 ELSE 1 END AS is_start,
                                   CASE WHEN LEAD(period_month) OVER (PARTITION BY person_id, employer_id ORDER BY period_month)
                                             = period_month + 1 THEN 0 ELSE 1 END AS is_end
                              FROM contribution) b
                     WHERE is_start = 1 OR is_end = 1) e
             WHERE is_start = 1
            """;

    /**
     * Delta night: the new employment islands of tonight's pairs, into {@code island_work} (V13)
     * while the old ones are still needed: the pair's islands so far and each staged month as a
     * one-month interval, merged. A staged month may lie inside an island (a corrected row),
     * extend one, join two or stand alone, and several may follow one another; sorted by start,
     * an interval starts a new island when it starts after the month following every earlier
     * interval's end (the same merge as {@link #INSURED}). About one island per pair is read
     * instead of two dozen monthly contribution rows.
     */
    private static final String MERGED = """
            INSERT INTO island_work (person_id, employer_id, first_p, last_p)
            SELECT person_id, employer_id, MIN(first_p), MAX(last_p)
              FROM (SELECT person_id, employer_id, first_p, last_p,
                           SUM(is_start) OVER (PARTITION BY person_id, employer_id ORDER BY first_p, last_p
                                               ROWS UNBOUNDED PRECEDING) AS g
                      FROM (SELECT person_id, employer_id, first_p, last_p,
                                   CASE WHEN first_p <= MAX(last_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p, last_p
                                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1
                                        THEN 0 ELSE 1 END AS is_start
                              FROM (SELECT person_id, employer_id, first_p, last_p FROM employment_island%s
                                     UNION ALL
                                    SELECT person_id, employer_id, period_month, period_month FROM stg_contribution) u) a) b
             GROUP BY person_id, employer_id, g
            """.formatted(TOUCHED_PAIRS);

    /** The merged islands replace the old ones of their pairs; each learns the start of the next. */
    private static final String REPLACED = """
            INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
            SELECT person_id, employer_id, first_p, last_p,
                   LEAD(first_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p)
              FROM island_work
            """;

    /**
     * The islands with any employer, merged from the islands with each employer (about one row
     * per person instead of two dozen): an island starts where no earlier one of the person
     * reaches to the month before.
     */
    private static final String INSURED = """
            INSERT INTO insured_island (person_id, first_p, last_p)
            SELECT person_id, MIN(first_p), MAX(last_p)
              FROM (SELECT person_id, first_p, last_p,
                           SUM(is_start) OVER (PARTITION BY person_id ORDER BY first_p, last_p ROWS UNBOUNDED PRECEDING) AS g
                      FROM (SELECT person_id, first_p, last_p,
                                   CASE WHEN first_p <= MAX(last_p) OVER (PARTITION BY person_id ORDER BY first_p, last_p
                                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1
                                        THEN 0 ELSE 1 END AS is_start
                              FROM employment_island%s) a) b
             GROUP BY person_id, g
            """;

    /** Rows per cursor round trip: large enough to stream fast, small enough to keep the heap flat. */
    static final int FETCH_SIZE = 5_000;
    /** Server memory for the first load's aggregate (a million persons' months fit in it). */
    static final String FIRST_LOAD_WORK_MEM = "256MB";

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    public ContributionIslands(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Brings the islands up to date with the contributions in {@code stg_contribution}, just merged
     * (their pairs' islands merged with the staged months), or recomputes everyone's when {@code all}.
     */
    public void refresh(boolean all) {
        refresh(all, null);
    }

    /**
     * As {@link #refresh(boolean)}; after a first load on PostgreSQL, {@code ahead} is the
     * computation {@link #startFirstLoad()} began while the rows were being appended.
     */
    public void refresh(boolean all, Future<Prepared> ahead) {
        long start = System.nanoTime();
        long[] rows;
        if (all) {
            jdbc.execute(dialect.truncate("employment_island"));
            jdbc.execute(dialect.truncate("insured_island"));
            jdbc.execute(dialect.truncate("employer_month"));
            if (dialect == Dialect.POSTGRESQL) {
                Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
                rows = copyIn(connection, ahead != null ? await(ahead) : read(connection, null));
            } else {
                rows = new long[] {jdbc.update(EMPLOYMENT), jdbc.update(INSURED.formatted("")), -1};
            }
        } else {
            rows = mergeTonight();
        }
        if (rows[2] < 0) { // not copied in with the islands: H2, or a delta night
            rows[2] = jdbc.update(all
                    ? "INSERT INTO employer_month (employer_id, period_month) SELECT DISTINCT employer_id, period_month FROM contribution"
                    : "INSERT INTO employer_month (employer_id, period_month)"
                    + " SELECT DISTINCT s.employer_id, s.period_month FROM stg_contribution s WHERE NOT EXISTS"
                    + " (SELECT 1 FROM employer_month m WHERE m.employer_id = s.employer_id AND m.period_month = s.period_month)");
        }
        if (dialect == Dialect.POSTGRESQL) {
            // fresh statistics after a full rebuild or when a tenth of a table was rewritten; less is autovacuum's
            analyze("employment_island", all, rows[0]);
            analyze("insured_island", all, rows[1]);
            analyze("employer_month", all, rows[2]);
        }
        log.info("contribution islands: {} with one employer, {} with any, {} new employer months; {} in {} ms", rows[0],
                rows[1], rows[2], all ? "all persons" : "tonight's persons", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Delta night: the employment islands of tonight's pairs merged with the staged months
     * (through {@code island_work}, emptied again before returning), then the insured islands of
     * tonight's persons recomputed from their employment islands. Returns the rows written:
     * employment islands, insured islands, and -1 (employer months are the caller's).
     */
    private long[] mergeTonight() {
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.execute("ANALYZE stg_contribution"); // staging has no autovacuum: the planner needs its size
        }
        jdbc.update(MERGED);
        jdbc.update("DELETE FROM employment_island" + TOUCHED_PAIRS);
        long employment = jdbc.update(REPLACED);
        jdbc.execute(dialect.truncate("island_work"));
        jdbc.update("DELETE FROM insured_island" + TOUCHED);
        long insured = jdbc.update(INSURED.formatted(TOUCHED));
        return new long[] {employment, insured, -1};
    }

    /** ANALYZE of an islands table (PostgreSQL) when a full rebuild or {@code changedRows} made its statistics stale. */
    private void analyze(String table, boolean all, long changedRows) {
        if (all || PlannerStatistics.stale(jdbc, table, changedRows)) {
            jdbc.execute("ANALYZE " + table);
        }
    }

    /** Everyone's islands and employer months computed into temporary files (first load), ready to be copied in. */
    public record Prepared(Path employment, Path insured, Path months, long employmentRows, long insuredRows) {
        void delete() {
            deleteQuietly(employment);
            deleteQuietly(insured);
            deleteQuietly(months);
        }
    }

    /**
     * PostgreSQL, first load: starts computing everyone's islands from the staged rows (committed
     * by the stage step, so visible to a second connection) on a thread of its own, while the
     * merge appends the rows and builds the key, which leaves a core idle most of the time.
     * {@code stagingReleased} completes once the staged rows have been read (aggregated into a
     * temporary table and committed): from then on the merge may take the staging table over.
     */
    public Future<Prepared> startFirstLoad(CompletableFuture<Void> stagingReleased) {
        CompletableFuture<Prepared> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Connection connection = jdbc.getDataSource().getConnection()) {
                connection.setAutoCommit(false); // a cursor, and the temporary table dropped at the end
                try {
                    result.complete(read(connection, stagingReleased));
                } finally {
                    connection.rollback();
                    try (var st = connection.createStatement()) {
                        st.execute("DROP TABLE IF EXISTS island_input"); // the pooled session outlives this thread
                    }
                    connection.commit();
                }
            } catch (Throwable t) {
                stagingReleased.completeExceptionally(t);
                result.completeExceptionally(t);
            }
        }, "contribution-islands");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Waits for a computation begun by {@link #startFirstLoad()}; its files are the caller's to delete. */
    private static Prepared await(Future<Prepared> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the contribution islands", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r
                    : new IllegalStateException("cannot compute the contribution islands: " + cause.getMessage(), cause);
        }
    }

    /** Cleans up after a computation that will not be copied in (the merge failed first). */
    public static void discard(Future<Prepared> ahead) {
        try {
            ahead.get().delete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // nothing was left behind
        }
    }

    /**
     * PostgreSQL, first load: everyone's contribution months are read once, one array of months
     * per person and employer in key order (twenty times fewer rows to ship than months), through
     * a cursor (autocommit is off, so pgjdbc honours the fetch size), and the islands and
     * employer months computed while streaming; three window passes over tens of millions of
     * rows in SQL take several times longer. The rows go to temporary files because a connection
     * cannot COPY while its cursor is open.
     */
    private Prepared read(Connection connection, CompletableFuture<Void> stagingReleased) {
        Path employmentFile = null;
        Path insuredFile = null;
        Path monthsFile = null;
        try {
            employmentFile = Files.createTempFile("fundguard-employment-islands", ".csv");
            insuredFile = Files.createTempFile("fundguard-insured-islands", ".csv");
            long[] rows;
            try (Writer employment = Files.newBufferedWriter(employmentFile, StandardCharsets.UTF_8);
                 Writer insured = Files.newBufferedWriter(insuredFile, StandardCharsets.UTF_8);
                 PreparedStatement keys = connection.prepareStatement(source(connection, stagingReleased))) {
                keys.setFetchSize(FETCH_SIZE);
                IslandStream stream = new IslandStream(employment, insured);
                try (ResultSet rs = keys.executeQuery()) {
                    while (rs.next()) {
                        String person = rs.getString(1);
                        String employer = rs.getString(2);
                        java.sql.Array months = rs.getArray(3);
                        Integer[] sorted = (Integer[]) months.getArray();
                        java.util.Arrays.sort(sorted);
                        for (Integer month : sorted) {
                            stream.add(person, employer, month);
                        }
                        months.free();
                    }
                }
                rows = stream.finish();
                monthsFile = Files.createTempFile("fundguard-employer-months", ".csv");
                try (Writer months = Files.newBufferedWriter(monthsFile, StandardCharsets.UTF_8)) {
                    stream.writeEmployerMonths(months);
                }
            }
            return new Prepared(employmentFile, insuredFile, monthsFile, rows[0], rows[1]);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(employmentFile);
            deleteQuietly(insuredFile);
            deleteQuietly(monthsFile);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot compute the contribution islands: " + e.getMessage(), e);
        }
    }

    /** Copies prepared islands and employer months in on the merge's connection; returns the rows of each. */
    private long[] copyIn(Connection connection, Prepared prepared) {
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Reader in = Files.newBufferedReader(prepared.employment(), StandardCharsets.UTF_8)) {
                copy.copyIn("COPY employment_island (person_id, employer_id, first_p, last_p, next_first_p) FROM STDIN WITH (FORMAT csv)", in);
            }
            try (Reader in = Files.newBufferedReader(prepared.insured(), StandardCharsets.UTF_8)) {
                copy.copyIn("COPY insured_island (person_id, first_p, last_p) FROM STDIN WITH (FORMAT csv)", in);
            }
            long monthRows;
            try (Reader in = Files.newBufferedReader(prepared.months(), StandardCharsets.UTF_8)) {
                monthRows = copy.copyIn("COPY employer_month (employer_id, period_month) FROM STDIN WITH (FORMAT csv)", in);
            }
            return new long[] {prepared.employmentRows(), prepared.insuredRows(), monthRows};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the contribution islands: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the contribution islands: " + e.getMessage(), e);
        } finally {
            prepared.delete();
        }
    }

    /**
     * The months of each person and employer in key order. After a first load the staged rows
     * are all the rows: reading them by a sequential scan and a hash aggregate (in memory) is
     * about twice as fast as walking the new key's index, whose every entry would send the
     * scan to a freshly written heap row.
     */
    private static String source(Connection connection, CompletableFuture<Void> stagingReleased) throws SQLException {
        // aggregated into a temporary table first: a cursor's query gets no parallel workers
        try (var st = connection.createStatement()) {
            st.execute("SET LOCAL work_mem = '" + FIRST_LOAD_WORK_MEM + "'");
            if (stagingReleased == null) {
                st.execute("CREATE TEMPORARY TABLE island_input ON COMMIT DROP AS" + INPUT);
            } else {
                // committed at once, so this connection's lock on the staging table ends here
                st.execute("DROP TABLE IF EXISTS island_input");
                st.execute("CREATE TEMPORARY TABLE island_input ON COMMIT PRESERVE ROWS AS" + INPUT);
                connection.commit();
                stagingReleased.complete(null);
            }
        }
        return "SELECT person_id, employer_id, months FROM island_input ORDER BY person_id, employer_id";
    }

    private static final String INPUT = " SELECT person_id, employer_id, array_agg(period_month) AS months FROM stg_contribution"
            + " GROUP BY person_id, employer_id";

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot delete the temporary file {}: {}", file, e.getMessage());
            }
        }
    }
}
