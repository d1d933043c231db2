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

    /** How a pair's or person's months tonight meet their islands so far (column {@code kind} of V16's tables). */
    static final int INSIDE = 0;
    static final int EXTENDS_END = 1;
    static final int ALONE = 2;
    static final int OTHER = 3;

    /** The pairs merged in full ({@link #MERGED}, {@link #REPLACED}). */
    private static final String OTHER_PAIRS = " WHERE (person_id, employer_id) IN (SELECT person_id, employer_id FROM island_pair WHERE kind = "
            + OTHER + ")";

    /** The persons whose insured islands are recomputed from their employment islands ({@link #INSURED}). */
    private static final String OTHER_PERSONS = " WHERE person_id IN (SELECT person_id FROM island_person WHERE kind = " + OTHER + ")";

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
     * Delta night: the new employment islands of tonight's pairs that {@link #PAIRS} found
     * neither inside, extending nor alone ({@link #OTHER}), into {@code island_work} (V13)
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
                              FROM (SELECT person_id, employer_id, first_p, last_p FROM employment_island%1$s
                                     UNION ALL
                                    SELECT person_id, employer_id, period_month, period_month FROM stg_contribution%1$s) u) a) b
             GROUP BY person_id, employer_id, g
            """.formatted(OTHER_PAIRS);

    /** The merged islands replace the old ones of their pairs; each learns the start of the next. */
    private static final String REPLACED = """
            INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
            SELECT person_id, employer_id, first_p, last_p,
                   LEAD(first_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p)
              FROM island_work
            """;

    /**
     * Delta night, the usual case first: a pair with a single month tonight that follows the end
     * of one of its islands (and does not reach the next one, which {@code next_first_p} tells)
     * extends that island in place: one row updated by key, the key and the employer index
     * untouched (V16 leaves room on the pages for such updates).
     */
    private static final String EMPLOYMENT_EXTENDED = """
            MERGE INTO employment_island e
            USING (SELECT person_id, employer_id, MIN(period_month) AS m FROM stg_contribution
                    GROUP BY person_id, employer_id HAVING MIN(period_month) = MAX(period_month)
                    ORDER BY person_id, employer_id) s
               ON (e.person_id = s.person_id AND e.employer_id = s.employer_id AND e.last_p = s.m - 1)
             WHEN MATCHED AND (e.next_first_p IS NULL OR e.next_first_p > s.m + 1) THEN UPDATE SET last_p = s.m
            """;

    /** As {@link #EMPLOYMENT_EXTENDED} for the insured islands of persons with a single month tonight. */
    private static final String INSURED_EXTENDED = """
            MERGE INTO insured_island i
            USING (SELECT s.person_id, s.m
                     FROM (SELECT person_id, MIN(period_month) AS m FROM stg_contribution
                            GROUP BY person_id HAVING MIN(period_month) = MAX(period_month) ORDER BY person_id) s
                    WHERE NOT EXISTS (SELECT 1 FROM insured_island n WHERE n.person_id = s.person_id AND n.first_p = s.m + 1)) s
               ON (i.person_id = s.person_id AND i.last_p = s.m - 1)
             WHEN MATCHED THEN UPDATE SET last_p = s.m
            """;

    /**
     * Delta night: each pair of tonight's contributions, classified against its islands so far
     * (read by key, about one per pair): a single month tonight lies inside an island, extends the
     * end of one (the usual new month), or stands alone (a new pair, or after a gap, and not just
     * before an island); anything else (several months, a month extending an island's start or
     * bridging two) is {@link #OTHER} and merged in full. {@code prev_first} is the start of the
     * pair's last island before the month, {@code next_first} of its first island after it.
     */
    private static final String PAIRS = """
            INSERT INTO island_pair (person_id, employer_id, period_month, kind, prev_first, next_first)
            SELECT s.person_id, s.employer_id, s.first_m,
                   CASE WHEN s.first_m <> s.last_m THEN %4$d
                        WHEN MAX(CASE WHEN i.first_p <= s.first_m AND i.last_p >= s.first_m THEN 1 ELSE 0 END) = 1 THEN %1$d
                        WHEN MAX(CASE WHEN i.first_p = s.first_m + 1 THEN 1 ELSE 0 END) = 1 THEN %4$d
                        WHEN MAX(CASE WHEN i.last_p = s.first_m - 1 THEN 1 ELSE 0 END) = 1 THEN %2$d
                        ELSE %3$d END,
                   MAX(CASE WHEN i.first_p < s.first_m THEN i.first_p END),
                   MIN(CASE WHEN i.first_p > s.first_m THEN i.first_p END)
              FROM (SELECT person_id, employer_id, MIN(period_month) AS first_m, MAX(period_month) AS last_m
                      FROM stg_contribution GROUP BY person_id, employer_id) s
              LEFT JOIN employment_island i ON i.person_id = s.person_id AND i.employer_id = s.employer_id
             GROUP BY s.person_id, s.employer_id, s.first_m, s.last_m
            """.formatted(INSIDE, EXTENDS_END, ALONE, OTHER);

    /**
     * The islands a month extends at the end get it as their last month; the last island before
     * a month that stands alone gets it as the start of its next island. Updated in place: the
     * key (and the employer index) stay as they are.
     */
    private static final String EXTENDED = """
            MERGE INTO employment_island e
            USING (SELECT person_id, employer_id, period_month, kind, prev_first FROM island_pair
                    WHERE kind IN (%1$d, %2$d) AND prev_first IS NOT NULL) w
               ON (e.person_id = w.person_id AND e.employer_id = w.employer_id AND e.first_p = w.prev_first)
             WHEN MATCHED THEN UPDATE SET
                  last_p = CASE WHEN w.kind = %1$d THEN w.period_month ELSE e.last_p END,
                  next_first_p = CASE WHEN w.kind = %2$d THEN w.period_month ELSE e.next_first_p END
            """.formatted(EXTENDS_END, ALONE);

    /** A month that stands alone is a new one-month island, followed by the pair's next island if any. */
    private static final String ALONE_ISLANDS = """
            INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
            SELECT person_id, employer_id, period_month, period_month, next_first FROM island_pair WHERE kind = %d
            """.formatted(ALONE);

    /** As {@link #PAIRS} for the insured islands of tonight's persons (their months with any employer). */
    private static final String PERSONS = """
            INSERT INTO island_person (person_id, period_month, kind, prev_first)
            SELECT s.person_id, s.first_m,
                   CASE WHEN s.first_m <> s.last_m THEN %4$d
                        WHEN MAX(CASE WHEN i.first_p <= s.first_m AND i.last_p >= s.first_m THEN 1 ELSE 0 END) = 1 THEN %1$d
                        WHEN MAX(CASE WHEN i.first_p = s.first_m + 1 THEN 1 ELSE 0 END) = 1 THEN %4$d
                        WHEN MAX(CASE WHEN i.last_p = s.first_m - 1 THEN 1 ELSE 0 END) = 1 THEN %2$d
                        ELSE %3$d END,
                   MAX(CASE WHEN i.first_p < s.first_m THEN i.first_p END)
              FROM (SELECT person_id, MIN(period_month) AS first_m, MAX(period_month) AS last_m
                      FROM stg_contribution GROUP BY person_id) s
              LEFT JOIN insured_island i ON i.person_id = s.person_id
             GROUP BY s.person_id, s.first_m, s.last_m
            """.formatted(INSIDE, EXTENDS_END, ALONE, OTHER);

    /** After {@link #PERSONS}: a person's month that extends the end of an insured island. */
    private static final String INSURED_EXTENDED_REST = """
            MERGE INTO insured_island i
            USING (SELECT person_id, period_month, prev_first FROM island_person WHERE kind = %d) w
               ON (i.person_id = w.person_id AND i.first_p = w.prev_first)
             WHEN MATCHED THEN UPDATE SET last_p = w.period_month
            """.formatted(EXTENDS_END);

    /** After {@link #PERSONS}: a person's month that stands alone is a new one-month insured island. */
    private static final String INSURED_ALONE = """
            INSERT INTO insured_island (person_id, first_p, last_p)
            SELECT person_id, period_month, period_month FROM island_person WHERE kind = %d
            """.formatted(ALONE);

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

    private static final String ALL_EMPLOYER_MONTHS =
            "INSERT INTO employer_month (employer_id, period_month) SELECT DISTINCT employer_id, period_month FROM contribution";

    /**
     * Delta night: tonight's employer months not known yet (a few ten thousand, looked up by key
     * against more than a million), inserted in key order.
     */
    private static final String NEW_EMPLOYER_MONTHS = """
            INSERT INTO employer_month (employer_id, period_month)
            SELECT s.employer_id, s.period_month FROM (SELECT DISTINCT employer_id, period_month FROM stg_contribution) s
             WHERE NOT EXISTS (SELECT 1 FROM employer_month m WHERE m.employer_id = s.employer_id AND m.period_month = s.period_month)
             ORDER BY s.employer_id, s.period_month
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
        } else if (dialect == Dialect.POSTGRESQL) {
            rows = mergeTonight();
        } else {
            rows = recomputeTonightsPersons();
        }
        if (rows[2] < 0) { // not copied in with the islands: H2, or a delta night
            rows[2] = all ? jdbc.update(ALL_EMPLOYER_MONTHS)
                    : dialect == Dialect.POSTGRESQL ? withoutHashJoins(() -> jdbc.update(NEW_EMPLOYER_MONTHS))
                    : jdbc.update(NEW_EMPLOYER_MONTHS);
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
     * Delta night on PostgreSQL (H2: {@link #recomputeTonightsPersons}). The usual month
     * extends an island at its end: those are updated in place ({@link #EMPLOYMENT_EXTENDED},
     * {@link #INSURED_EXTENDED}), one pass each. Only when some staged month was not handled so
     * (more rows than extended islands, or persons) are tonight's pairs, then persons,
     * classified against the islands as they now are ({@link #PAIRS},
     * {@link #PERSONS}; a month already extended is inside an island) and the rest applied:
     * another extension, a new one-month island, or the full merge ({@link #MERGED} through
     * {@code island_work}, {@link #INSURED}) for pairs and persons with several months or a month
     * that extends an island's start or bridges two. Every step leaves the islands of the months
     * so far plus some of tonight's, so the steps compose. The work tables are emptied again
     * before returning. Returns the rows written: employment islands, insured islands, and -1
     * (employer months are the caller's).
     */
    private long[] mergeTonight() {
        StringBuilder t = new StringBuilder();
        // staging has no autovacuum: the planner needs its size
        timed(t, "analyze-stg", () -> { jdbc.execute("ANALYZE stg_contribution"); return 0; });
        long[] staged = new long[2];
        timed(t, "count", () -> {
            jdbc.query("SELECT COUNT(*), COUNT(DISTINCT person_id) FROM stg_contribution", rs -> {
                staged[0] = rs.getLong(1);
                staged[1] = rs.getLong(2);
            });
            return 0;
        });
        long extended = timed(t, "extended", () -> jdbc.update(EMPLOYMENT_EXTENDED));
        long insuredExtended = timed(t, "insured-extended", () -> jdbc.update(INSURED_EXTENDED));
        long employment = extended;
        if (extended < staged[0]) {
            employment += mergeRest(t);
        }
        long insured = insuredExtended;
        if (insuredExtended < staged[1]) {
            insured += insuredRest(t);
        }
        log.debug("contribution islands, delta night: {}", t);
        return new long[] {employment, insured, -1};
    }

    /** Tonight's persons (H2). */
    private static final String TOUCHED = " WHERE person_id IN (SELECT person_id FROM stg_contribution)";

    /**
     * H2, delta night: tonight's persons' islands recomputed from their contribution rows. H2
     * runs the in-place MERGEs and classifications of {@link #mergeTonight} row by row (a
     * delta of 1,500 persons took seconds); at the sizes H2 is meant for (README) one window pass
     * over the persons' rows is fast. Returns the rows written, as {@link #mergeTonight}.
     */
    private long[] recomputeTonightsPersons() {
        jdbc.update("DELETE FROM employment_island" + TOUCHED);
        jdbc.update("DELETE FROM insured_island" + TOUCHED);
        long employment = jdbc.update(EMPLOYMENT.replace("FROM contribution) b", "FROM contribution" + TOUCHED + ") b"));
        long insured = jdbc.update(INSURED.formatted(TOUCHED));
        return new long[] {employment, insured, -1};
    }

    /** The staged months of pairs not extended by {@link #EMPLOYMENT_EXTENDED}; returns the rows written. */
    private long mergeRest(StringBuilder t) {
        timed(t, "pairs", () -> jdbc.update(PAIRS));
        timed(t, "analyze-pairs", () -> { jdbc.execute("ANALYZE island_pair"); return 0; });
        long[] pairs = kinds("island_pair");
        long employment = pairs[EXTENDS_END] + pairs[ALONE] == 0 ? 0 : timed(t, "rest-extended", () -> jdbc.update(EXTENDED));
        employment += timed(t, "alone", () -> pairs[ALONE] == 0 ? 0 : jdbc.update(ALONE_ISLANDS));
        if (pairs[OTHER] > 0) {
            timed(t, "merged", () -> jdbc.update(MERGED));
            timed(t, "delete", () -> jdbc.update("DELETE FROM employment_island" + OTHER_PAIRS));
            employment += timed(t, "replaced", () -> jdbc.update(REPLACED));
            jdbc.execute(dialect.truncate("island_work"));
        }
        jdbc.execute(dialect.truncate("island_pair"));
        t.append("pairs by kind ").append(java.util.Arrays.toString(pairs)).append(' ');
        return employment;
    }

    /** The staged months of persons not extended by {@link #INSURED_EXTENDED}; returns the rows written. */
    private long insuredRest(StringBuilder t) {
        timed(t, "persons", () -> jdbc.update(PERSONS));
        timed(t, "analyze-persons", () -> { jdbc.execute("ANALYZE island_person"); return 0; });
        long[] persons = kinds("island_person");
        long insured = timed(t, "insured-rest-extended", () -> persons[EXTENDS_END] == 0 ? 0 : jdbc.update(INSURED_EXTENDED_REST));
        insured += timed(t, "insured-alone", () -> persons[ALONE] == 0 ? 0 : jdbc.update(INSURED_ALONE));
        if (persons[OTHER] > 0) {
            timed(t, "delete-insured", () -> jdbc.update("DELETE FROM insured_island" + OTHER_PERSONS));
            insured += timed(t, "insured", () -> jdbc.update(INSURED.formatted(OTHER_PERSONS)));
        }
        jdbc.execute(dialect.truncate("island_person"));
        t.append("persons by kind ").append(java.util.Arrays.toString(persons)).append(' ');
        return insured;
    }

    /**
     * PostgreSQL: runs {@code work} with hash joins disabled on this transaction, then restores the
     * setting. The planner would hash the whole of {@code employer_month} (1.6 M rows, about a
     * second) to anti-join a few ten thousand staged rows that it finds by key in a fifth of that.
     */
    private int withoutHashJoins(java.util.function.IntSupplier work) {
        String before = jdbc.queryForObject("SELECT current_setting('enable_hashjoin')", String.class);
        jdbc.queryForObject("SELECT set_config('enable_hashjoin', 'off', true)", String.class);
        try {
            return work.getAsInt();
        } finally {
            jdbc.queryForObject("SELECT set_config('enable_hashjoin', ?, true)", String.class, before);
        }
    }

    /** The rows of a V16 work table by kind. */
    private long[] kinds(String table) {
        long[] counts = new long[OTHER + 1];
        jdbc.query("SELECT kind, COUNT(*) FROM " + table + " GROUP BY kind", rs -> {
            counts[rs.getInt(1)] = rs.getLong(2);
        });
        return counts;
    }

    /** Runs a statement, noting its time in {@code t} (the debug log line of a delta night); returns its count. */
    private static int timed(StringBuilder t, String label, java.util.function.IntSupplier work) {
        long t0 = System.nanoTime();
        int n = work.getAsInt();
        t.append(label).append('=').append((System.nanoTime() - t0) / 1_000_000).append("ms ");
        return n;
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

    /**
     * Waits for (a stage of) the computation begun by {@link #startFirstLoad}; its files are the
     * caller's to delete. Its failure is rethrown as it was.
     */
    static <T> T await(Future<T> ahead) {
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
