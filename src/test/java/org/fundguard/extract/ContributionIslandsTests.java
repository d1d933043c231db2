package org.fundguard.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The contribution islands a delta night merges (from the islands so far and the night's months)
 * against the islands computed from scratch from every contribution delivered so far, night by
 * night, through the real command (stage, merge, islands), on each database through a subclass.
 * The first night is a first load (on PostgreSQL the bulk path that streams everyone's islands);
 * every later night takes the delta path.
 */
abstract class ContributionIslandsTests {

    static final String AS_OF = "2026-11-25";
    /** 2023-12 .. 2026-11: 36 months, none after the as-of month. */
    static final int FIRST = Months.of(2023, 12);
    static final int LAST = Months.of(2026, 11);

    @TempDir
    Path tmp;
    String url;
    JdbcTemplate db;
    int nights;

    /** Every key delivered so far (person, employer, month). */
    final Set<Key> delivered = new HashSet<>();

    abstract String newDatabase(Path dir);

    record Key(int person, int employer, int month) {
    }

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
        boolean pg = url.startsWith("jdbc:postgresql");
        db = new JdbcTemplate(new SimpleDriverDataSource(pg ? new org.postgresql.Driver() : new org.h2.Driver(), url,
                pg ? "postgres" : "sa", ""));
    }

    void night(List<Key> rows) {
        night(rows, 0);
    }

    /** One night's extracts: the given contributions (a re-delivered key gets a new amount), employers on the first night. */
    void night(List<Key> rows, int employers) {
        ExtractDir x = new ExtractDir(tmp.resolve("night" + ++nights));
        if (nights == 1) {
            for (int e = 1; e <= employers; e++) {
                x.row(EMPLOYERS, "employer_id", Ids.employer(e), "employer_name", "测试单位" + e);
            }
        }
        for (Key k : rows) {
            x.row(CONTRIBUTIONS, "person_id", Ids.person(k.person()), "employer_id", Ids.employer(k.employer()),
                    "period", Months.format(k.month()), "amount", (100 + nights) + ".00");
        }
        x.write();
        Cli.Result result = Cli.run(url, "screen", "--extracts", x.path().toString(), "--as-of", AS_OF,
                "--out", tmp.resolve("out").toString());
        assertThat(result.exitCode()).as("night %d: %s", nights, result.stderr()).isZero();
        delivered.addAll(rows);
    }

    /** The three tables equal what every contribution delivered so far implies, computed here from scratch. */
    void assertIslandsFromScratch() {
        assertThat(db.queryForObject("SELECT COUNT(*) FROM contribution", Long.class)).as("night %d: contributions", nights)
                .isEqualTo(delivered.size());
        Map<String, TreeSet<Integer>> byPair = new TreeMap<>();
        Map<String, TreeSet<Integer>> byPerson = new TreeMap<>();
        Set<String> employerMonths = new TreeSet<>();
        for (Key k : delivered) {
            String person = Ids.person(k.person());
            String employer = Ids.employer(k.employer());
            byPair.computeIfAbsent(person + "|" + employer, p -> new TreeSet<>()).add(k.month());
            byPerson.computeIfAbsent(person, p -> new TreeSet<>()).add(k.month());
            employerMonths.add(employer + "|" + k.month());
        }
        List<String> employment = new ArrayList<>();
        byPair.forEach((pair, months) -> {
            List<int[]> runs = runs(months);
            for (int i = 0; i < runs.size(); i++) {
                employment.add(pair + "|" + runs.get(i)[0] + "|" + runs.get(i)[1] + "|"
                        + (i + 1 < runs.size() ? runs.get(i + 1)[0] : null));
            }
        });
        List<String> insured = new ArrayList<>();
        byPerson.forEach((person, months) -> runs(months).forEach(r -> insured.add(person + "|" + r[0] + "|" + r[1])));

        assertThat(employmentIslands()).as("night %d: employment_island", nights).containsExactlyElementsOf(employment);
        assertThat(table("SELECT person_id, first_p, last_p FROM insured_island"))
                .as("night %d: insured_island", nights).containsExactlyElementsOf(insured);
        assertThat(table("SELECT employer_id, period_month FROM employer_month"))
                .as("night %d: employer_month", nights).containsExactlyElementsOf(employerMonths);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM island_work", Long.class)).as("night %d: island_work", nights).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM island_pair", Long.class)).as("night %d: island_pair", nights).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM island_person", Long.class)).as("night %d: island_person", nights).isZero();
    }

    /** Maximal runs of consecutive months, in order: {first, last}. */
    static List<int[]> runs(TreeSet<Integer> months) {
        List<int[]> runs = new ArrayList<>();
        for (int m : months) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == m - 1) {
                runs.get(runs.size() - 1)[1] = m;
            } else {
                runs.add(new int[] {m, m});
            }
        }
        return runs;
    }

    List<String> employmentIslands() {
        return table("SELECT person_id, employer_id, first_p, last_p, next_first_p FROM employment_island");
    }

    /** The rows of a query as {@code a|b|c} lines, sorted here (not by the database's collation). */
    List<String> table(String sql) {
        List<String> rows = db.query(sql, (rs, i) -> {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                line.append(c > 1 ? "|" : "").append(rs.getObject(c) == null ? null : rs.getString(c).trim());
            }
            return line.toString();
        });
        rows.sort(null);
        return rows;
    }

    /** The islands of one person and employer as {@code first..last>next} (yyyy-MM), for the hand-written cases. */
    List<String> islands(int person, int employer) {
        return db.query("SELECT first_p, last_p, next_first_p FROM employment_island WHERE person_id = ? AND employer_id = ?"
                        + " ORDER BY first_p", (rs, i) -> Months.format(rs.getInt(1)) + ".." + Months.format(rs.getInt(2)) + ">"
                        + (rs.getObject(3) == null ? "-" : Months.format(rs.getInt(3))),
                Ids.person(person), Ids.employer(employer));
    }

    List<String> insuredIslands(int person) {
        return db.query("SELECT first_p, last_p FROM insured_island WHERE person_id = ? ORDER BY first_p",
                (rs, i) -> Months.format(rs.getInt(1)) + ".." + Months.format(rs.getInt(2)), Ids.person(person));
    }

    static List<Key> months(int person, int employer, String from, String to) {
        List<Key> keys = new ArrayList<>();
        for (int m = month(from); m <= month(to); m++) {
            keys.add(new Key(person, employer, m));
        }
        return keys;
    }

    static int month(String yyyyMm) {
        return Months.of(Integer.parseInt(yyyyMm.substring(0, 4)), Integer.parseInt(yyyyMm.substring(5)));
    }

    @SafeVarargs
    static List<Key> all(List<Key>... parts) {
        List<Key> keys = new ArrayList<>();
        for (List<Key> part : parts) {
            keys.addAll(part);
        }
        return keys;
    }

    /** Counts the night's months by how they meet the pair's months delivered before. */
    void classify(List<Key> rows, Map<String, Integer> cases) {
        Set<Key> tonight = new HashSet<>(rows);
        Set<String> knownPairs = new HashSet<>();
        delivered.forEach(k -> knownPairs.add(k.person() + "/" + k.employer()));
        for (Key k : rows) {
            boolean before = delivered.contains(new Key(k.person(), k.employer(), k.month() - 1));
            boolean after = delivered.contains(new Key(k.person(), k.employer(), k.month() + 1));
            String kind = delivered.contains(k) ? "again"
                    : !knownPairs.contains(k.person() + "/" + k.employer()) ? "new pair"
                    : before && after ? "bridge"
                    : before ? "extends end"
                    : after ? "extends start"
                    : tonight.contains(new Key(k.person(), k.employer(), k.month() - 1)) ? "after one of the same night"
                    : "alone";
            cases.merge(kind, 1, Integer::sum);
        }
    }

    @Test
    void aLaterNightsMonthsBridgeExtendOrCorrectTheIslandsSoFar() {
        night(all(
                months(1, 1, "2026-01", "2026-03"), months(1, 1, "2026-05", "2026-06"), // bridged by 2026-04
                months(2, 1, "2025-10", "2025-11"), months(2, 1, "2026-03", "2026-05"), // extended at the start by 2026-02
                months(3, 1, "2026-03", "2026-05"), months(3, 1, "2026-08", "2026-08"), // extended at the end by 2026-06
                months(4, 1, "2026-03", "2026-05"), // 2026-04 corrected
                months(5, 2, "2026-01", "2026-02"), months(5, 2, "2026-06", "2026-06"), // 2026-04 alone in between
                months(5, 1, "2026-03", "2026-03"), // same person, another employer, not delivered again
                months(6, 1, "2026-01", "2026-02"), months(6, 1, "2026-07", "2026-07"), // 2026-03..06 join both
                months(8, 3, "2026-01", "2026-06")), 3); // nobody touches person 8 again
        assertIslandsFromScratch();
        assertThat(islands(1, 1)).containsExactly("2026-01..2026-03>2026-05", "2026-05..2026-06>-");

        night(all(
                months(1, 1, "2026-04", "2026-04"),
                months(2, 1, "2026-02", "2026-02"),
                months(3, 1, "2026-06", "2026-06"),
                months(4, 1, "2026-04", "2026-04"),
                months(5, 2, "2026-04", "2026-04"),
                months(6, 1, "2026-03", "2026-06"),
                months(7, 3, "2026-09", "2026-10"))); // a new pair

        assertIslandsFromScratch();
        assertThat(islands(1, 1)).containsExactly("2026-01..2026-06>-");
        assertThat(islands(2, 1)).containsExactly("2025-10..2025-11>2026-02", "2026-02..2026-05>-");
        assertThat(islands(3, 1)).containsExactly("2026-03..2026-06>2026-08", "2026-08..2026-08>-");
        assertThat(islands(4, 1)).containsExactly("2026-03..2026-05>-");
        assertThat(islands(5, 2)).containsExactly("2026-01..2026-02>2026-04", "2026-04..2026-04>2026-06", "2026-06..2026-06>-");
        assertThat(islands(5, 1)).containsExactly("2026-03..2026-03>-");
        assertThat(insuredIslands(5)).containsExactly("2026-01..2026-04", "2026-06..2026-06");
        assertThat(islands(6, 1)).containsExactly("2026-01..2026-07>-");
        assertThat(islands(7, 3)).containsExactly("2026-09..2026-10>-");
        assertThat(islands(8, 3)).containsExactly("2026-01..2026-06>-");
        assertThat(db.queryForObject("SELECT amount FROM contribution WHERE person_id = ? AND period_month = ?",
                java.math.BigDecimal.class, Ids.person(4), month("2026-04"))).isEqualByComparingTo("102.00");
    }

    /**
     * A few hundred person and employer pairs (several employers per person, months that overlap
     * between them) with 36 months of runs and gaps, delivered over six nights in pieces of one to
     * three consecutive months, some pairs only from a later night, and some rows delivered again.
     * After every night the islands equal the islands of everything delivered so far.
     */
    @Test
    void nightByNightTheIslandsEqualThoseComputedFromScratch() {
        Random random = new Random(20261126L);
        int persons = 150;
        int employers = 12;
        int nightCount = 6;
        List<List<Key>> plan = new ArrayList<>();
        for (int n = 0; n < nightCount; n++) {
            plan.add(new ArrayList<>());
        }
        Map<Key, Integer> firstNight = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        while (pairs.size() < 300) {
            int person = 1 + random.nextInt(persons);
            int employer = 1 + random.nextInt(employers);
            if (!pairs.add(person + "/" + employer)) {
                continue;
            }
            boolean lateStarter = random.nextInt(10) == 0; // the pair first appears on a delta night
            int m = FIRST + random.nextInt(6);
            while (m <= LAST) {
                int runEnd = Math.min(LAST, m + random.nextInt(8));
                // the run in pieces of one to three months, each delivered on a night of its own
                for (int piece = m; piece <= runEnd; ) {
                    int pieceEnd = Math.min(runEnd, piece + random.nextInt(3));
                    int night = lateStarter ? 1 + random.nextInt(nightCount - 1)
                            : random.nextBoolean() ? 0 : random.nextInt(nightCount);
                    for (int p = piece; p <= pieceEnd; p++) {
                        Key key = new Key(person, employer, p);
                        plan.get(night).add(key);
                        firstNight.put(key, night);
                    }
                    piece = pieceEnd + 1;
                }
                m = runEnd + 2 + random.nextInt(4); // a gap of one to four months
            }
        }
        // corrected rows: some keys delivered again on a later night
        firstNight.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator
                        .comparingInt(Key::person).thenComparingInt(Key::employer).thenComparingInt(Key::month)))
                .forEach(e -> {
                    if (e.getValue() < nightCount - 1 && random.nextInt(25) == 0) {
                        plan.get(e.getValue() + 1 + random.nextInt(nightCount - 1 - e.getValue())).add(e.getKey());
                    }
                });

        Map<String, Integer> cases = new TreeMap<>();
        for (List<Key> rows : plan) {
            if (nights > 0) {
                classify(rows, cases);
            }
            night(rows, employers);
            assertIslandsFromScratch();
        }
        // the delta nights did bring every kind of month the merge must handle
        assertThat(cases.keySet()).containsExactlyInAnyOrder("again", "bridge", "extends start", "extends end", "alone",
                "after one of the same night", "new pair");
        assertThat(cases.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(delivered).hasSizeGreaterThan(3000);
    }
}
