package org.fundguard.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;
import static org.fundguard.extract.Extract.REGISTRATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The load phase of the screening job, run as cron runs it (exit codes, files on disk, database
 * contents), on each database through a subclass.
 */
abstract class LoadJobFunctionalTests {

    static final String AS_OF = "2026-11-25";

    @TempDir
    Path tmp;
    String url;
    JdbcTemplate db;

    /** A new, empty database of the subclass's kind. */
    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
        boolean pg = url.startsWith("jdbc:postgresql");
        try {
            var driver = pg ? new org.postgresql.Driver() : new org.h2.Driver();
            db = new JdbcTemplate(new SimpleDriverDataSource(driver, url, pg ? "postgres" : "sa", ""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Cli.Result screen(Path extracts, String asOf, String... more) {
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.toString(), "--as-of", asOf,
                "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return Cli.run(url, args.toArray(String[]::new));
    }

    long count(String table) {
        Long n = db.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    List<String[]> rejects(String asOf, String extract) throws Exception {
        Path file = tmp.resolve("out").resolve(asOf).resolve("rejects").resolve(extract + ".csv");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (CSVReader reader = new CSVReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            rows.get(0)[0] = rows.get(0)[0].replace("\uFEFF", "");
            assertThat(rows.get(0)).containsExactly("line", "severity", "reason", "column", "message", "raw");
            return rows.subList(1, rows.size());
        }
    }

    JsonNode summary(String asOf) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve("out").resolve(asOf).resolve("summary.json").toFile());
    }

    JsonNode extractSummary(String asOf, String extract) throws IOException {
        for (JsonNode e : summary(asOf).get("extracts")) {
            if (e.get("extract").asText().equals(extract)) {
                return e;
            }
        }
        throw new AssertionError("no " + extract + " in summary");
    }

    /** 40 valid claims C1..C40 of persons 1..40, 200 contributions, plus whatever the test adds. */
    ExtractDir validNight(Path dir) {
        ExtractDir x = new ExtractDir(dir).row(EMPLOYERS).row(EMPLOYERS, "employer_id", Ids.employer(2), "employer_name", "大连港口物流有限公司",
                "region_code", "210202");
        for (int i = 1; i <= 40; i++) {
            x.row(CLAIMS, "claim_id", "C" + i, "person_id", Ids.person(i));
            x.row(CONTRIBUTIONS, "person_id", Ids.person(i), "period", "2026-0" + (1 + i % 9));
        }
        return x;
    }

    @Test
    void givenRowsWithEveryKindOfProblem_whenScreened_thenEveryRowIsLoadedOrRejectedAndTheCountsAddUp() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        String valid = Ids.person(41);
        x.row(CLAIMS, "claim_id", "BADPID", "person_id", valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0"));
        x.row(CLAIMS, "claim_id", "WARNPHONE", "person_id", Ids.person(42), "phone", "12345", "bank_account", "62 22");
        x.row(CLAIMS, "claim_id", "MULTI", "person_id", Ids.person(43), "person_name", "欧阳, 娜娜", "reject_reason", "第一行\n第二行, 有逗号");
        x.row(CLAIMS, "claim_id", "NODECISION", "person_id", Ids.person(44), "status", "APPROVED");
        x.row(CLAIMS, "claim_id", "C1", "person_id", Ids.person(45)); // duplicate key: C1 again
        for (int i = 46; i <= 60; i++) {
            x.row(CLAIMS, "claim_id", "C" + i, "person_id", Ids.person(i));
        }
        x.write(); // 3 ERROR rejects of 60 rows = 5 %: at the limit, not over it

        Cli.Result result = screen(x.path(), AS_OF);

        assertThat(result.exitCode()).isZero();
        assertThat(count("claim")).isEqualTo(57); // 40 + WARNPHONE + MULTI + 15
        List<String[]> claimRejects = rejects(AS_OF, "claims");
        assertThat(claimRejects).extracting(r -> r[2]).containsExactly("BAD_PERSON_ID", "BAD_PHONE", "BAD_ACCOUNT",
                "INCONSISTENT", "DUPLICATE_KEY");
        assertThat(claimRejects).extracting(r -> r[0]).containsExactly("42", "43", "43", "46", "47"); // MULTI spans lines 44-45
        assertThat(claimRejects).extracting(r -> r[1]).containsExactly("ERROR", "WARN", "WARN", "ERROR", "ERROR");
        assertThat(claimRejects.get(3)[3]).isEqualTo("decision_date");
        assertThat(claimRejects.get(4)[5]).startsWith("C1,");
        assertThat(db.queryForObject("SELECT phone FROM claim WHERE claim_id = 'WARNPHONE'", String.class)).isNull();
        assertThat(db.queryForObject("SELECT person_id FROM claim WHERE claim_id = 'C1'", String.class)).isEqualTo(Ids.person(1));
        assertThat(db.queryForObject("SELECT reject_reason FROM claim WHERE claim_id = 'MULTI'", String.class))
                .isEqualTo("第一行\n第二行, 有逗号");
        assertThat(db.queryForObject("SELECT person_name FROM claim WHERE claim_id = 'MULTI'", String.class)).isEqualTo("欧阳, 娜娜");

        JsonNode claims = extractSummary(AS_OF, "claims");
        assertThat(claims.get("rows_read").asLong()).isEqualTo(60);
        assertThat(claims.get("rows_loaded").asLong()).isEqualTo(57);
        assertThat(claims.get("rows_rejected").asLong()).isEqualTo(3);
        assertThat(claims.get("warnings").asLong()).isEqualTo(2);
        for (JsonNode e : summary(AS_OF).get("extracts")) {
            if (e.has("rows_read")) {
                assertThat(e.get("rows_loaded").asLong() + e.get("rows_rejected").asLong())
                        .as(e.get("file").asText()).isEqualTo(e.get("rows_read").asLong());
            }
        }
        assertThat(summary(AS_OF).get("outcome").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void givenAStrayQuoteInMidFile_whenScreened_thenOnlyThatLineIsRejectedAndTheRestIsLoaded() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        String bad = String.join(",", "CQ", Ids.person(50), "\"王五", "210102", Ids.employer(1), "2026-10-31", "CONTRACT_EXPIRED",
                "2026-11-03", "RECEIVED", "", "", "", "", "", "", "", "", "");
        x.line(CLAIMS, bad);
        for (int i = 51; i <= 56; i++) {
            x.row(CLAIMS, "claim_id", "AFTER" + i, "person_id", Ids.person(i));
        }
        x.write();

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        assertThat(db.queryForObject("SELECT COUNT(*) FROM claim WHERE claim_id LIKE 'AFTER%'", Long.class)).isEqualTo(6);
        List<String[]> claimRejects = rejects(AS_OF, "claims");
        assertThat(claimRejects).hasSize(1);
        assertThat(claimRejects.get(0)).startsWith("42", "ERROR", "BAD_CSV", "");
        assertThat(claimRejects.get(0)[5]).isEqualTo(bad);
    }

    @Test
    void givenANulByteInARow_whenScreened_thenThatRowIsBadCsvAndTheRestIsLoaded() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        String bad = String.join(",", "CNUL", Ids.person(50), "王\0五", "210102", Ids.employer(1), "2026-10-31", "CONTRACT_EXPIRED",
                "2026-11-03", "RECEIVED", "", "", "", "", "", "", "", "", "");
        x.line(CLAIMS, bad);
        x.row(CLAIMS, "claim_id", "AFTERNUL", "person_id", Ids.person(51));
        x.write();

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        assertThat(db.queryForObject("SELECT COUNT(*) FROM claim WHERE claim_id IN ('CNUL', 'AFTERNUL')", Long.class)).isEqualTo(1);
        List<String[]> claimRejects = rejects(AS_OF, "claims");
        assertThat(claimRejects).hasSize(1);
        assertThat(claimRejects.get(0)).startsWith("42", "ERROR", "BAD_CSV", "");
        assertThat(claimRejects.get(0)[5]).isEqualTo(bad.replace('\0', '\uFFFD'));
    }

    @Test
    void givenAmountsOfEveryShape_whenScreened_thenTheyAreStoredExactly() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        String[] amounts = {"0", "0.05", "0.5", "7", "12.5", "100.00", "100.10", "999999999999.99", "000123.40"};
        for (int i = 0; i < amounts.length; i++) {
            x.row(CONTRIBUTIONS, "person_id", Ids.person(100 + i), "period", "2026-10", "amount", amounts[i], "wage_base", amounts[i]);
        }
        x.write();

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        for (int i = 0; i < amounts.length; i++) {
            java.math.BigDecimal expected = new java.math.BigDecimal(amounts[i]);
            assertThat(db.queryForObject("SELECT amount FROM contribution WHERE person_id = ?", java.math.BigDecimal.class,
                    Ids.person(100 + i))).as(amounts[i]).isEqualByComparingTo(expected);
            assertThat(db.queryForObject("SELECT wage_base FROM contribution WHERE person_id = ?", java.math.BigDecimal.class,
                    Ids.person(100 + i))).as(amounts[i]).isEqualByComparingTo(expected);
        }
    }

    @Test
    void givenAFileWithByteOrderMark_whenScreened_thenTheHeaderIsRecognisedAndRowsLoad() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night")).write(StandardCharsets.UTF_8, true);

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        assertThat(count("claim")).isEqualTo(40);
        assertThat(count("employer")).isEqualTo(2);
    }

    @Test
    void givenAGb18030Export_whenScreenedWithThatCharset_thenChineseTextIsIntact() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        x.row(CLAIMS, "claim_id", "GB", "person_id", Ids.person(60), "person_name", "欧阳䶮");
        x.write(Charset.forName("GB18030"), false);

        assertThat(screen(x.path(), AS_OF, "--charset", "GB18030").exitCode()).isZero();

        assertThat(db.queryForObject("SELECT person_name FROM claim WHERE claim_id = 'GB'", String.class)).isEqualTo("欧阳䶮");
        assertThat(db.queryForObject("SELECT employer_name FROM employer WHERE employer_id = ?", String.class, Ids.employer(2)))
                .isEqualTo("大连港口物流有限公司");
    }

    @Test
    void givenAGb18030ExportReadAsUtf8_whenScreened_thenTheRowsAreRejectedAsUndecodableAndTheRunStopsWith4() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night")).write(Charset.forName("GB18030"), false);

        Cli.Result result = screen(x.path(), AS_OF);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(rejects(AS_OF, "employers")).extracting(r -> r[2]).containsOnly("BAD_CSV");
        assertThat(rejects(AS_OF, "employers").get(0)[4]).contains("GB18030");
        assertThat(count("employer") + count("claim") + count("contribution")).isZero();
    }

    @Test
    void givenAMissingRequiredFile_whenScreened_thenExit2NamingItAndNothingIsLoaded() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night")).write();
        Files.delete(x.path().resolve("contributions.csv"));

        Cli.Result result = screen(x.path(), AS_OF);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("contributions.csv");
        assertThatNothingIsLoaded();
    }

    @Test
    void givenAMissingRequiredColumn_whenScreened_thenExit2NamingFileAndColumnAndNothingIsLoaded() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night")).write();
        Path claims = x.path().resolve("claims.csv");
        List<String> lines = Files.readAllLines(claims);
        lines.set(0, lines.get(0).replace("separation_reason", "reason_of_separation"));
        Files.write(claims, lines);

        Cli.Result result = screen(x.path(), AS_OF);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("claims.csv").contains("separation_reason");
        assertThatNothingIsLoaded();
    }

    @Test
    void givenHeaderInOtherCaseAndOrderWithAnUnknownColumn_whenScreened_thenItLoadsAndTheColumnIsListed() throws Exception {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).row(EMPLOYERS).empty(CLAIMS).empty(CONTRIBUTIONS).write();
        x.writeFile("employers.csv", " Region_Code ,EMPLOYER_NAME,Remark,employer_id\n210102,沈阳某公司,x," + Ids.employer(7) + "\n",
                StandardCharsets.UTF_8, false);

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        assertThat(db.queryForObject("SELECT employer_name FROM employer", String.class)).isEqualTo("沈阳某公司");
        assertThat(extractSummary(AS_OF, "employers").get("unknown_columns").get(0).asText()).isEqualTo("Remark");
    }

    @Test
    void givenRejectsJustAtTheLimit_whenScreened_thenTheRunGoesOn() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        x.row(CLAIMS, "claim_id", "B1", "region_code", "999999");
        x.row(CLAIMS, "claim_id", "B2", "region_code", "99");
        x.write(); // 2 of 42 = 4.76 %

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();
        assertThat(count("claim")).isEqualTo(40);
    }

    @Test
    void givenRejectsOverTheLimit_whenScreened_thenExit4RejectsWrittenAndNothingOfTheRunLoaded() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        for (int i = 1; i <= 3; i++) {
            x.row(CLAIMS, "claim_id", "B" + i, "region_code", "999999");
        }
        x.write(); // 3 of 43 = 6.98 % > 5 %

        Cli.Result result = screen(x.path(), AS_OF);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).contains("claims.csv");
        assertThat(rejects(AS_OF, "claims")).hasSize(3).extracting(r -> r[2]).containsOnly("BAD_REGION");
        assertThat(rejects(AS_OF, "employers")).isEmpty();
        assertThat(summary(AS_OF).get("outcome").asText()).isEqualTo("EXTRACT_REJECTED");
        assertThatNothingIsLoaded();
    }

    @Test
    void givenExactlyTheLimitRatio_whenScreened_thenItIsNotOverTheLimit() throws Exception {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CLAIMS).empty(CONTRIBUTIONS);
        for (int i = 1; i <= 19; i++) {
            x.row(EMPLOYERS, "employer_id", Ids.employer(i));
        }
        x.row(EMPLOYERS, "employer_id", "91210102MA00000XXX");
        x.write(); // 1 of 20 = exactly 5 %

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();
        assertThat(count("employer")).isEqualTo(19);
    }

    @Test
    void givenTheSameFilesAgain_whenAnotherNightRuns_thenNothingIsLoadedTwice() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night")).write();
        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();
        long files = count("loaded_file");

        assertThat(screen(x.path(), "2026-11-26").exitCode()).isZero();

        assertThat(count("loaded_file")).isEqualTo(files);
        assertThat(count("claim")).isEqualTo(40);
        assertThat(extractSummary("2026-11-26", "claims").get("status").asText()).contains("same SHA-256").contains(AS_OF);
        assertThat(rejects("2026-11-26", "claims")).isEmpty();
    }

    @Test
    void givenACorrectedRowTheNextNight_whenScreened_thenItReplacesTheEarlierOne() throws Exception {
        ExtractDir first = validNight(tmp.resolve("night1")).write();
        assertThat(screen(first.path(), AS_OF).exitCode()).isZero();
        ExtractDir second = new ExtractDir(tmp.resolve("night2"))
                .row(EMPLOYERS, "employer_name", "沈阳测试机械制造股份有限公司")
                .row(CLAIMS, "claim_id", "C7", "person_id", Ids.person(7), "status", "APPROVED", "decision_date", "2026-11-20")
                .empty(CONTRIBUTIONS).write();

        assertThat(screen(second.path(), "2026-11-26").exitCode()).isZero();

        assertThat(count("employer")).isEqualTo(2);
        assertThat(db.queryForObject("SELECT employer_name FROM employer WHERE employer_id = ?", String.class, Ids.employer(1)))
                .isEqualTo("沈阳测试机械制造股份有限公司");
        assertThat(count("claim")).isEqualTo(40);
        assertThat(db.queryForObject("SELECT status FROM claim WHERE claim_id = 'C7'", String.class)).isEqualTo("APPROVED");
    }

    @Test
    void givenKeysWrittenDifferently_whenScreened_thenTheyAreTheSameKeyAndTheLaterIsADuplicate() throws Exception {
        ExtractDir x = validNight(tmp.resolve("night"));
        String lower = personWithCheckX();
        x.row(REGISTRATIONS, "person_id", lower, "registered_on", "2026-03-01");
        x.row(REGISTRATIONS, "person_id", lower.toLowerCase(), "registered_on", "20260301");
        x.row(REGISTRATIONS, "person_id", lower, "registered_on", "2026/03/02", "ended_on", "2026/02/01");
        for (int i = 1; i <= 30; i++) {
            x.row(REGISTRATIONS, "person_id", Ids.person(i));
        }
        x.write();

        assertThat(screen(x.path(), AS_OF).exitCode()).isZero();

        assertThat(count("registration")).isEqualTo(32);
        assertThat(rejects(AS_OF, "registrations")).extracting(r -> r[0] + r[2])
                .containsExactly("3DUPLICATE_KEY", "4INCONSISTENT");
        assertThat(db.queryForObject("SELECT ended_on FROM registration WHERE registered_on = DATE '2026-03-02'", Object.class))
                .isNull();
    }

    /** A valid person id whose check character is the letter X, so that case matters. */
    static String personWithCheckX() {
        for (int seq = 1; ; seq++) {
            String id = Ids.person("210102", "19700101", seq);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    void assertThatNothingIsLoaded() {
        assertThat(count("employer") + count("contribution") + count("claim") + count("subsidy") + count("certificate")
                + count("registration") + count("medical")).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM loaded_file WHERE state = 'LOADED'", Long.class)).isZero();
    }
}
