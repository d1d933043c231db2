package org.fundguard.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import org.fundguard.extract.Extract;
import org.fundguard.generator.DataGenerator;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental screening gives exactly what screening everything gives. Two databases load the
 * same nights: one screens incrementally (the default), the other with
 * {@code screening.incremental=false}; after every night their flags (with evidence) and alerts
 * must be identical. The nights move D within a month, across a month, and by a jump; their
 * deltas correct claims (status, employer, dates, benefit period, contact), add contribution
 * months next to, inside and between existing runs and for the new month, rename employers and
 * add claims, on a generated province with every rule's threshold cases planted.
 */
abstract class IncrementalScreeningTests {

    private static final String[] NIGHTS = {"2026-10-20", "2026-10-27", "2026-11-03", "2026-12-01", "2026-12-15"};

    @TempDir
    Path tmp;

    /** A fresh, empty database of the subclass's kind. */
    abstract String newDatabase(Path dir);

    @Test
    void everyNightIncrementalScreeningEqualsScreeningEverything() throws Exception {
        Path full = tmp.resolve("generated");
        assertThat(DataGenerator.run(new String[] {"--out", full.toString(), "--persons", "1500", "--months", "24", "--seed", "8",
                "--as-of", "2026-11-25", "--plant-rules", "--quiet"})).isZero();
        plant(full);
        String incremental = newDatabase(tmp.resolve("incremental"));
        String everything = newDatabase(tmp.resolve("everything"));
        // some randomly corrected claims are invalid (rejected alike on both databases)
        Path lenient = tmp.resolve("incremental.properties");
        Files.writeString(lenient, "load.max-reject-ratio=0.5\n");
        Path noIncrement = tmp.resolve("full.properties");
        Files.writeString(noIncrement, "load.max-reject-ratio=0.5\nscreening.incremental=false\n");

        Random random = new Random(20261126);
        Map<String, Integer> changedFlags = new HashMap<>();
        for (int night = 0; night < NIGHTS.length; night++) {
            String asOf = NIGHTS[night];
            Path extracts = night == 0 ? full : delta(full, tmp.resolve("night" + night), random, LocalDate.parse(asOf), night);
            if (night == 1) {
                // a claim moves to another employer: its old employer's other claim is no longer flagged
                Files.writeString(extracts.resolve("claims.csv"), new ExtractDir(tmp.resolve("move")).row(Extract.CLAIMS, "claim_id",
                        "MOVE-2", "person_id", Ids.person(900004), "last_employer_id", Ids.employer(900003), "separation_date",
                        "2026-09-30", "application_date", "2026-10-05").row(Extract.CLAIMS, "claim_id", "TEN-900010", "person_id",
                        Ids.person(900010), "last_employer_id", Ids.employer(900004), "separation_date", "2026-09-30", "application_date",
                        "2026-10-02", "status", "WITHDRAWN").row(Extract.CLAIMS, "claim_id", "FOUR-900030", "person_id", Ids.person(900030),
                        "last_employer_id", Ids.employer(900005), "separation_date", "2026-09-30", "application_date", "2026-10-12",
                        "status", "WITHDRAWN").lines(Extract.CLAIMS).stream().map(l -> l + "\n")
                        .collect(java.util.stream.Collectors.joining()), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                // and the employer of a raised alert is renamed: the alert carries the new name
                Files.writeString(extracts.resolve("employers.csv"), new ExtractDir(tmp.resolve("rename")).row(Extract.EMPLOYERS,
                        "employer_id", Ids.employer(900001), "employer_name", "更名测试单位").lines(Extract.EMPLOYERS).get(0) + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            }
            String log = System.getProperty("fundguard.test.log");
            System.setProperty("fundguard.test.log", "INFO");
            Cli.Result a;
            try {
                a = Cli.run(incremental, "screen", "--extracts", extracts.toString(), "--as-of", asOf, "--out", tmp.resolve("out-a").toString(),
                        "--config", lenient.toString());
            } finally {
                if (log == null) {
                    System.clearProperty("fundguard.test.log");
                } else {
                    System.setProperty("fundguard.test.log", log);
                }
            }
            Cli.Result b = Cli.run(everything, "screen", "--extracts", extracts.toString(), "--as-of", asOf, "--out",
                    tmp.resolve("out-b").toString(), "--config", noIncrement.toString());
            assertThat(a.exitCode()).as("incremental run of %s", asOf).isZero();
            assertThat(b.exitCode()).as("full run of %s", asOf).isZero();
            assertThat(a.stderr().contains("incremental screening on top of")).as("night %s screened incrementally", asOf)
                    .isEqualTo(night > 0);

            List<String> flagsA = rows(incremental, "SELECT item_type, item_id, rule, severity, evidence FROM case_flag WHERE as_of = ?", asOf);
            List<String> flagsB = rows(everything, "SELECT item_type, item_id, rule, severity, evidence FROM case_flag WHERE as_of = ?", asOf);
            assertThat(flagsA).as("flags of %s", asOf).containsExactlyElementsOf(flagsB);
            String alerts = "SELECT rule, severity, entity_type, entity_id, entity_name, region_code, period_start, period_end, metric,"
                    + " metric_value, threshold, related_cases FROM alert WHERE as_of = ?";
            assertThat(rows(incremental, alerts, asOf)).as("alerts of %s", asOf).containsExactlyElementsOf(rows(everything, alerts, asOf));
            assertPlanted(asOf, flagsB, rows(everything, alerts, asOf));
            if (night > 0) {
                List<String> before = rows(everything, "SELECT item_type, item_id, rule, severity, evidence FROM case_flag WHERE as_of = ?",
                        NIGHTS[night - 1]);
                TreeSet<String> changed = new TreeSet<>(flagsB);
                changed.removeAll(before);
                TreeSet<String> gone = new TreeSet<>(before);
                gone.removeAll(flagsB);
                for (String f : changed) {
                    changedFlags.merge(f.split("\\|")[2], 1, Integer::sum);
                }
                for (String f : gone) {
                    changedFlags.merge(f.split("\\|")[2], 1, Integer::sum);
                }
            }
        }
        // the nights really changed what the incremental rules flag, so the comparison above meant something
        assertThat(changedFlags).as("flags that changed between nights, by rule")
                .containsKeys("LN-02", "LN-03", "LN-04", "NAT-02", "NAT-03", "NAT-07");
    }

    /** The planted cases behave as planted (so the comparison covers them). */
    private static void assertPlanted(String asOf, List<String> flags, List<String> alerts) {
        String leaveAlert = alerts.stream().filter(a -> a.startsWith("LN-03|") && a.contains(Ids.employer(900001))).findFirst().orElse("");
        switch (asOf) {
            case "2026-10-20", "2026-10-27" -> {
                assertThat(flagged(flags, "LEAVE-1")).isTrue();
                assertThat(flagged(flags, "LEAVE-2")).isTrue();
                assertThat(leaveAlert).endsWith("|2");
            }
            case "2026-11-03" -> {
                assertThat(flagged(flags, "LEAVE-1")).isFalse();
                assertThat(flagged(flags, "LEAVE-2")).isTrue();
                assertThat(leaveAlert).endsWith("|1");
            }
            default -> assertThat(leaveAlert).isEmpty();
        }
        boolean moved = !asOf.equals("2026-10-20");
        assertThat(flags.stream().anyMatch(f -> f.startsWith("CLAIM|TEN-900011|LN-02|"))).as("TEN-900011 flagged on %s", asOf)
                .isEqualTo(!moved);
        assertThat(flags.stream().anyMatch(f -> f.startsWith("CLAIM|FOUR-900031|NAT-02|"))).as("FOUR-900031 flagged on %s", asOf)
                .isEqualTo(!moved);
        assertThat(flagged(flags, "MOVE-1")).as("MOVE-1 flagged on %s", asOf).isEqualTo(!moved);
    }

    private static boolean flagged(List<String> flags, String claim) {
        return flags.stream().anyMatch(f -> f.startsWith("CLAIM|" + claim + "|LN-03|"));
    }

    /**
     * Cases the random nights would rarely hit, appended to the first night: LN-03 flags both
     * claims of employer 900001 (2 of 2 staff), applied on 2025-11-01 and 2025-11-20, which
     * leave the as-of window one by one (the alert's related cases drop, then it goes); and both
     * claims of employer 900002, until night 1 moves one of them to employer 900003.
     */
    private void plant(Path full) throws IOException {
        ExtractDir x = new ExtractDir(tmp.resolve("plant"));
        for (int e = 900001; e <= 900003; e++) {
            x.row(Extract.EMPLOYERS, "employer_id", Ids.employer(e), "employer_name", "测试单位" + e);
        }
        for (int p = 900001; p <= 900002; p++) {
            x.row(Extract.CONTRIBUTIONS, "person_id", Ids.person(p), "employer_id", Ids.employer(900001), "period", "2025-10");
        }
        x.row(Extract.CLAIMS, "claim_id", "LEAVE-1", "person_id", Ids.person(900001), "last_employer_id", Ids.employer(900001),
                "separation_date", "2025-10-31", "application_date", "2025-11-01");
        x.row(Extract.CLAIMS, "claim_id", "LEAVE-2", "person_id", Ids.person(900002), "last_employer_id", Ids.employer(900001),
                "separation_date", "2025-10-31", "application_date", "2025-11-20");
        for (int p = 900003; p <= 900004; p++) {
            for (String period : new String[] {"2026-08", "2026-09"}) {
                x.row(Extract.CONTRIBUTIONS, "person_id", Ids.person(p), "employer_id", Ids.employer(900002), "period", period);
            }
        }
        x.row(Extract.CLAIMS, "claim_id", "MOVE-1", "person_id", Ids.person(900003), "last_employer_id", Ids.employer(900002),
                "separation_date", "2026-09-30", "application_date", "2026-10-01");
        x.row(Extract.CLAIMS, "claim_id", "MOVE-2", "person_id", Ids.person(900004), "last_employer_id", Ids.employer(900002),
                "separation_date", "2026-09-30", "application_date", "2026-10-05");
        // LN-02: ten claimants of employer 900004 in 2026-10, until night 1 withdraws one
        x.row(Extract.EMPLOYERS, "employer_id", Ids.employer(900004), "employer_name", "测试单位900004");
        for (int p = 900010; p < 900020; p++) {
            x.row(Extract.CLAIMS, "claim_id", "TEN-" + p, "person_id", Ids.person(p), "last_employer_id", Ids.employer(900004),
                    "separation_date", "2026-09-30", "application_date", "2026-10-0" + (1 + p % 9));
        }
        // NAT-02: 4 of employer 900005's 10 staff draw benefits (more than 30 %), until night 1 withdraws one
        x.row(Extract.EMPLOYERS, "employer_id", Ids.employer(900005), "employer_name", "测试单位900005");
        for (int p = 900030; p < 900040; p++) {
            x.row(Extract.CONTRIBUTIONS, "person_id", Ids.person(p), "employer_id", Ids.employer(900005), "period", "2026-09");
            if (p < 900034) {
                x.row(Extract.CLAIMS, "claim_id", "FOUR-" + p, "person_id", Ids.person(p), "last_employer_id", Ids.employer(900005),
                        "separation_date", "2026-09-30", "application_date", "2026-10-12", "status", "PAYING", "decision_date",
                        "2026-10-13", "benefit_start", "2026-10-13", "monthly_benefit", "1800.00");
            }
        }
        for (Extract extract : List.of(Extract.EMPLOYERS, Extract.CONTRIBUTIONS, Extract.CLAIMS)) {
            Files.writeString(full.resolve(extract.fileName()), String.join("\n", x.lines(extract)) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /**
     * A night's delta folder: corrected claims, new claims, contribution months (adjacent to,
     * inside and between existing runs, and for the as-of month), renamed employers.
     */
    private static Path delta(Path full, Path dir, Random random, LocalDate asOf, int night) throws IOException {
        Files.createDirectories(dir);
        List<String[]> claims = read(full.resolve("claims.csv"));
        List<String[]> contributions = read(full.resolve("contributions.csv"));
        List<String[]> employers = read(full.resolve("employers.csv"));
        String[] claimHeader = claims.remove(0);
        String[] contributionHeader = contributions.remove(0);
        String[] employerHeader = employers.remove(0);
        Map<String, Integer> c = columns(claimHeader);

        List<String[]> newClaims = new ArrayList<>();
        newClaims.add(claimHeader);
        String[] statuses = {"WITHDRAWN", "PAYING", "APPROVED", "REJECTED", "ENDED", "RECEIVED"};
        for (String[] row : claims) {
            if (row.length != claimHeader.length || random.nextInt(100) >= 6) {
                continue;
            }
            String[] x = row.clone();
            switch (random.nextInt(6)) {
                case 0 -> x[c.get("status")] = statuses[random.nextInt(statuses.length)];
                case 1 -> x[c.get("last_employer_id")] = claims.get(random.nextInt(claims.size()))[c.get("last_employer_id")];
                case 2 -> {
                    // applied a little later (not after D, not before the separation)
                    LocalDate applied = LocalDate.parse(x[c.get("application_date")]).plusDays(random.nextInt(20));
                    x[c.get("application_date")] = (applied.isAfter(asOf) ? asOf : applied).toString();
                }
                case 3 -> x[c.get("benefit_end")] = random.nextBoolean() || x[c.get("benefit_start")].isEmpty()
                        ? "" : LocalDate.parse(x[c.get("benefit_start")]).plusMonths(1 + random.nextInt(6)).toString();
                case 4 -> x[c.get("phone")] = claims.get(random.nextInt(claims.size()))[c.get("phone")];
                default -> x[c.get("separation_date")] = LocalDate.parse(x[c.get("separation_date")]).minusMonths(random.nextInt(3))
                        .toString();
            }
            newClaims.add(x);
        }
        // new claims of contributors, applied in the days before D
        for (int i = 0; i < 25; i++) {
            String[] k = contributions.get(random.nextInt(contributions.size()));
            String[] x = claims.get(random.nextInt(claims.size())).clone();
            LocalDate applied = asOf.minusDays(random.nextInt(6));
            x[c.get("claim_id")] = "N" + night + "-" + i;
            x[c.get("person_id")] = k[0];
            x[c.get("last_employer_id")] = k[1];
            x[c.get("separation_date")] = applied.minusDays(random.nextInt(40)).toString();
            x[c.get("application_date")] = applied.toString();
            x[c.get("status")] = random.nextBoolean() ? "RECEIVED" : "PAYING";
            x[c.get("decision_date")] = x[c.get("status")].equals("PAYING") ? applied.toString() : "";
            x[c.get("benefit_start")] = x[c.get("status")].equals("PAYING") ? applied.toString() : "";
            x[c.get("benefit_end")] = "";
            x[c.get("monthly_benefit")] = x[c.get("status")].equals("PAYING") ? "1800.00" : "";
            newClaims.add(x);
        }

        List<String[]> newMonths = new ArrayList<>();
        newMonths.add(contributionHeader);
        java.util.Set<String> keys = new java.util.HashSet<>(); // a key twice in one file would be rejected
        for (String[] row : contributions) {
            int r = random.nextInt(1000);
            if (r < 15) { // the month before or after an existing one: extends, bridges or re-delivers
                String[] x = row.clone();
                x[2] = YearMonth.parse(x[2]).plusMonths(random.nextBoolean() ? 1 : -1).toString();
                if (keys.add(x[0] + x[1] + x[2])) {
                    newMonths.add(x);
                }
            } else if (r < 20) { // a corrected row
                String[] x = row.clone();
                x[5] = "1.00";
                if (keys.add(x[0] + x[1] + x[2])) {
                    newMonths.add(x);
                }
            } else if (r < 35 && YearMonth.parse(row[2]).equals(YearMonth.from(asOf).minusMonths(1))) { // the as-of month
                String[] x = row.clone();
                x[2] = YearMonth.from(asOf).toString();
                if (keys.add(x[0] + x[1] + x[2])) {
                    newMonths.add(x);
                }
            }
        }
        List<String[]> renamed = new ArrayList<>();
        renamed.add(employerHeader);
        java.util.Set<String> renamedIds = new java.util.HashSet<>();
        renamedIds.add(Ids.employer(900001));
        for (int i = 0; i < 5; i++) {
            String[] x = employers.get(random.nextInt(employers.size())).clone();
            if (!renamedIds.add(x[0])) {
                continue;
            }
            x[1] = "更名单位" + night + "-" + i;
            renamed.add(x);
        }
        write(dir.resolve("claims.csv"), newClaims);
        write(dir.resolve("contributions.csv"), newMonths);
        write(dir.resolve("employers.csv"), renamed);
        return dir;
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            m.put(header[i].replace("\uFEFF", ""), i);
        }
        return m;
    }

    private static List<String[]> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            return new ArrayList<>(csv.readAll());
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    private static void write(Path file, List<String[]> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(w, ',', CSVWriter.DEFAULT_QUOTE_CHARACTER, CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeAll(rows, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query's rows as "a|b|c" strings, sorted. */
    private static List<String> rows(String url, String sql, String asOf) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", url.startsWith("jdbc:postgresql") ? "postgres" : "sa");
        login.setProperty("password", "");
        TreeSet<String> rows = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(url, login);
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, LocalDate.parse(asOf));
            try (ResultSet rs = statement.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        s.append(i > 1 ? "|" : "").append(rs.getString(i) == null ? "" : rs.getString(i).strip());
                    }
                    rows.add(s.toString());
                }
            }
        }
        return new ArrayList<>(rows);
    }
}
