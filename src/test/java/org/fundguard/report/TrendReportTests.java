package org.fundguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;
import static org.fundguard.extract.Extract.SUBSIDIES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.fundguard.support.Screened;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trend report through the real command on a small hand-counted data set, on each database
 * through a subclass. One scenario per class (four runs of the command): the night of D, earlier
 * and later nights' flags and alerts planted in the database, a rerun of D, a run of an early
 * as-of date whose window reaches before the calendar, and D once more.
 *
 * <p>Two cities of claims (沈阳 210100, 大连 210200) and one of subsidies only (盘锦 211100);
 * LN-02 fires on ten claimants of one employer in 2026-10 (every other claim rule switched off);
 * late and in-time decisions around the 2025 Spring Festival and National Day holidays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrendReportTests {

    static final String D = "2026-11-25";
    static final String EARLY = "2024-03-15";
    static final String E10 = Ids.employer(10);
    static final String E9 = Ids.employer(9);

    /** Personal data used in the extracts, none of which may reach the trend files. */
    static final List<String> NAMES = List.of("王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏");

    Path tmp;
    String url;
    Path outRoot;
    Path trend;
    Path earlyTrend;
    Map<String, byte[]> secondRun;
    Map<String, byte[]> fourthRun;
    final List<String> personal = new ArrayList<>();
    int[] exitCodes = new int[4];
    private int person = 1;

    abstract String newDatabase(Path dir);

    @BeforeAll
    void scenario() throws Exception {
        tmp = Files.createTempDirectory("trend-report-");
        url = newDatabase(tmp.resolve("db"));
        outRoot = tmp.resolve("out");
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        x.row(EMPLOYERS, "employer_id", E10, "employer_name", "辽宁测试重工有限公司", "region_code", "210102");
        x.row(EMPLOYERS, "employer_id", E9, "employer_name", "大连测试港务有限公司", "region_code", "210202");
        x.row(EMPLOYERS, "employer_id", Ids.employer(1), "employer_name", "沈阳测试机械制造有限公司", "region_code", "210102");

        // ---- claims: city 210100 (沈阳, region 210102) and 210200 (大连, region 210202)
        claim(x, "OLD-1", "210102", "2024-11-20", "APPROVED", "2024-12-05");  // received before the window; decided 2024-12, late
        claim(x, "SF-1", "210202", "2025-01-24", "APPROVED", "2025-02-10");   // Spring Festival: deadline 2025-02-13, in time
        claim(x, "SF-2", "210202", "2025-01-24", "REJECTED", "2025-02-14");   // late
        claim(x, "ND-1", "210102", "2025-09-26", "APPROVED", "2025-10-16");   // National Day: deadline 2025-10-16, in time
        claim(x, "ND-2", "210102", "2025-09-26", "REJECTED", "2025-10-17");   // late
        claim(x, "ND-3", "210102", "2025-09-26", "PAYING", "2025-10-15");     // in time (late by Monday-to-Friday alone)
        claim(x, "WD-1", "210102", "2025-09-20", "WITHDRAWN", null);           // never counted
        claim(x, "NOV-0", "210102", "2025-11-05", "APPROVED", "2025-11-25");  // deadline 2025-11-19: late
        claim(x, "P1", "210102", "2026-08-10", "APPROVED", "2026-08-20");     // NAT-06 planted on an earlier night
        claim(x, "P2", "210202", "2026-08-12", "REJECTED", "2026-08-14");     // NAT-06 planted on an earlier night
        claim(x, "P3", "210102", "2026-08-15", "RECEIVED", null);             // NAT-06 planted on a night after D
        claim(x, "W2", "210102", "2026-08-11", "WITHDRAWN", null);            // flagged once, withdrawn since
        for (int i = 0; i < 10; i++) {                                          // LN-02: 10 claimants of E10 in 2026-10
            claim(x, "L" + i, "210102", "2026-10-15", "RECEIVED", null, "last_employer_id", E10);
        }
        for (int i = 0; i < 9; i++) {                                           // 9 claimants of E9: below LN-02
            claim(x, "N" + i, "210202", "2026-10-16", "RECEIVED", null, "last_employer_id", E9);
        }
        claim(x, "NOV-1", "210102", "2026-11-03", "APPROVED", "2026-11-10");  // month(D), in time
        claim(x, "DEC-AFTER", "210202", "2026-11-20", "APPROVED", "2026-11-27"); // received in month(D), decided after D
        claim(x, "FUT-1", "210102", "2026-11-26", "RECEIVED", null);           // after D: never counted
        // for the early as-of date 2024-03-15 (window 2022-04..2024-03; the calendar starts in 2023)
        claim(x, "E22A", "210102", "2022-05-10", "APPROVED", "2022-05-20");
        claim(x, "E22B", "210102", "2022-12-20", "APPROVED", "2023-01-05");   // its deadline needs 2022: 2023-01 not available
        claim(x, "E23", "210102", "2023-06-01", "APPROVED", "2023-06-30");    // deadline 2023-06-15: late

        // ---- subsidies (CLAIMANT applicants, distinct persons and certificates, no registry)
        subsidy(x, "S1", "210102", "2026-03-10", "PAID", "2026-04-05", "1500.00", "2026-02-01");
        subsidy(x, "S2", "210102", "2026-04-02", "PAID", "2026-04-20", "2000.50", "2026-02-01"); // SKL-07 planted
        subsidy(x, "S3", "210102", "2026-04-03", "RECEIVED", null, "1000.00", "2026-02-01");
        subsidy(x, "S4", "210202", "2026-04-10", "PAID", "2026-05-08", "1800.00", "2026-02-01");
        subsidy(x, "S5", "210202", "2026-11-20", "PAID", "2026-11-26", "900.00", "2026-02-01");  // paid after D
        subsidy(x, "S6", "210202", "2026-11-26", "RECEIVED", null, "700.00", "2026-02-01");      // after D
        subsidy(x, "S7", "211102", "2025-06-15", "RECEIVED", null, "800.00", "2025-05-01");      // 盘锦: subsidies only
        x.write();
        Path config = TrendFixtures.config(tmp.resolve("job.properties"), TrendFixtures.onlyClaimRules("LN-02"));

        exitCodes[0] = TrendFixtures.screen(url, x.path(), outRoot, D, config);
        try (Connection c = TrendFixtures.connect(url)) {
            TrendFixtures.flag(c, "2026-11-15", "CLAIM", "P1", "NAT-06");
            TrendFixtures.flag(c, "2026-11-15", "CLAIM", "P2", "NAT-06");
            TrendFixtures.flag(c, "2026-11-15", "CLAIM", "L0", "NAT-06");   // a second rule on an LN-02 claim
            TrendFixtures.flag(c, "2026-11-10", "CLAIM", "L0", "NAT-06");   // and the same flag on another night
            TrendFixtures.flag(c, "2026-11-15", "CLAIM", "W2", "NAT-06");   // withdrawn since: not counted
            TrendFixtures.flag(c, "2026-11-30", "CLAIM", "P3", "NAT-06");   // a night after D: not counted
            TrendFixtures.flag(c, "2026-11-15", "SUBSIDY", "S2", "SKL-07");
            TrendFixtures.flag(c, "2026-11-30", "SUBSIDY", "S6", "SKL-01");  // after D
            // LN-02 alert of 沈阳 first raised 2026-10-20 and raised again 2026-11-15
            TrendFixtures.alert(c, "2026-10-20", "00000000000000a1", "LN-02", "EMPLOYER", E10, "210102", "2026-09-01",
                    "2026-09-30", "12", "10");
            TrendFixtures.alert(c, "2026-11-15", "00000000000000a1", "LN-02", "EMPLOYER", E10, "210102", "2026-09-01",
                    "2026-09-30", "12", "10");
            TrendFixtures.firstRaised(c, "00000000000000a1", "2026-10-20");
            // SKL-06 surge of 大连 in 2026-05, raised 2026-06-01
            TrendFixtures.alert(c, "2026-06-01", "00000000000000a2", "SKL-06", "REGION", "210200", "210200", "2026-05-01",
                    "2026-05-31", "1800.00", "1200.00");
            TrendFixtures.firstRaised(c, "00000000000000a2", "2026-06-01");
            // a shared-contact alert without a region: counted in ALL only
            TrendFixtures.alert(c, "2026-08-20", "00000000000000a3", "NAT-06", "CONTACT", "phone 139****0001", null,
                    "2026-08-01", "2026-08-20", "3", "3");
            TrendFixtures.firstRaised(c, "00000000000000a3", "2026-08-20");
            // first raised after D: not counted
            TrendFixtures.alert(c, "2026-11-30", "00000000000000a4", "LN-02", "EMPLOYER", E9, "210202", "2026-11-01",
                    "2026-11-30", "11", "10");
            TrendFixtures.firstRaised(c, "00000000000000a4", "2026-11-30");
            // an SKL-06 surge before the window
            TrendFixtures.alert(c, "2024-11-01", "00000000000000a5", "SKL-06", "REGION", "210100", "210100", "2024-10-01",
                    "2024-10-31", "90000.00", "60000.00");
            TrendFixtures.firstRaised(c, "00000000000000a5", "2024-11-01");
        }
        exitCodes[1] = TrendFixtures.screen(url, x.path(), outRoot, D, config);
        trend = outRoot.resolve(D).resolve("trend");
        secondRun = TrendFixtures.files(trend);
        exitCodes[2] = TrendFixtures.screen(url, x.path(), outRoot, EARLY, config);
        earlyTrend = outRoot.resolve(EARLY).resolve("trend");
        exitCodes[3] = TrendFixtures.screen(url, x.path(), outRoot, D, config);
        fourthRun = TrendFixtures.files(trend);
    }

    @AfterAll
    void cleanUp() {
        TrendFixtures.deleteTree(tmp);
    }

    private void claim(ExtractDir x, String id, String region, String applied, String status, String decided, String... more) {
        int n = person++;
        String name = NAMES.get(n % NAMES.size()) + (n / NAMES.size() == 0 ? "" : "之" + n);
        String personId = Ids.person(region, String.format("%04d0315", 1970 + n % 30), n);
        String phone = String.format("139%08d", 10000 + n);
        String account = String.format("6222%012d", 500000 + n);
        personal.addAll(List.of(name, personId, phone, account));
        List<String> row = new ArrayList<>(List.of("claim_id", id, "person_id", personId, "person_name", name, "region_code", region,
                "separation_date", LocalDate.parse(applied).minusDays(20).toString(), "application_date", applied,
                "status", status, "phone", phone, "bank_account", account));
        if (decided != null) {
            row.addAll(List.of("decision_date", decided));
        }
        if (status.equals("REJECTED")) {
            row.addAll(List.of("reject_reason", "不符合领取条件"));
        }
        row.addAll(List.of(more));
        x.row(CLAIMS, row.toArray(String[]::new));
    }

    private void subsidy(ExtractDir x, String id, String region, String applied, String status, String paid, String amount,
                         String issued) {
        int n = person++;
        String personId = Ids.person(region, String.format("%04d0610", 1975 + n % 20), n);
        personal.add(personId);
        List<String> row = new ArrayList<>(List.of("application_id", id, "person_id", personId, "applicant_type", "CLAIMANT",
                "employer_id", "", "region_code", region, "certificate_no", "CERT-" + id, "issue_date", issued,
                "application_date", applied, "status", status, "amount", amount));
        if (paid != null) {
            row.addAll(List.of("paid_date", paid));
        }
        x.row(SUBSIDIES, row.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- the runs

    @Test
    void everyRunCompletes() {
        assertThat(exitCodes).containsExactly(0, 0, 0, 0);
        assertThat(trend.resolve("report.html")).exists();
        assertThat(trend.resolve("monthly.csv")).exists();
    }

    // ---------------------------------------------------------------- monthly.csv

    static final String ZERO = "0,0,0,0,0,,0,0.00,0";

    /** The hand count: rows that are not all zero, as written after {@code month,city,}. */
    static Map<String, String> expectedMonthly() {
        Map<String, String> e = new LinkedHashMap<>();
        // received, decided, late, approved, flagged, share, subsidy applications, paid, flagged applications
        e.put("2024-12,210100", "0,1,1,1,0,,0,0.00,0");            // OLD-1 decided late
        e.put("2024-12,ALL", "0,1,1,1,0,,0,0.00,0");
        e.put("2025-01,210200", "2,0,0,0,0,0.0000,0,0.00,0");      // SF-1, SF-2 received
        e.put("2025-01,ALL", "2,0,0,0,0,0.0000,0,0.00,0");
        e.put("2025-02,210200", "0,2,1,1,0,,0,0.00,0");            // SF-1 in time and approved, SF-2 late
        e.put("2025-02,ALL", "0,2,1,1,0,,0,0.00,0");
        e.put("2025-06,211100", "0,0,0,0,0,,1,0.00,0");            // S7
        e.put("2025-06,ALL", "0,0,0,0,0,,1,0.00,0");
        e.put("2025-09,210100", "3,0,0,0,0,0.0000,0,0.00,0");      // ND-1..3 (WD-1 withdrawn)
        e.put("2025-09,ALL", "3,0,0,0,0,0.0000,0,0.00,0");
        e.put("2025-10,210100", "0,3,1,2,0,,0,0.00,0");            // ND-2 late; ND-1 APPROVED, ND-3 PAYING
        e.put("2025-10,ALL", "0,3,1,2,0,,0,0.00,0");
        e.put("2025-11,210100", "1,1,1,1,0,0.0000,0,0.00,0");      // NOV-0, late
        e.put("2025-11,ALL", "1,1,1,1,0,0.0000,0,0.00,0");
        e.put("2026-03,210100", "0,0,0,0,0,,1,0.00,0");            // S1
        e.put("2026-03,ALL", "0,0,0,0,0,,1,0.00,0");
        e.put("2026-04,210100", "0,0,0,0,0,,2,3500.50,1");         // S2 (SKL-07), S3; S1 and S2 paid
        e.put("2026-04,210200", "0,0,0,0,0,,1,0.00,0");            // S4
        e.put("2026-04,ALL", "0,0,0,0,0,,3,3500.50,1");
        e.put("2026-05,210200", "0,0,0,0,0,,0,1800.00,0");         // S4 paid
        e.put("2026-05,ALL", "0,0,0,0,0,,0,1800.00,0");
        e.put("2026-08,210100", "2,1,0,1,1,0.5000,0,0.00,0");      // P1 (NAT-06), P3 (flagged after D); W2 withdrawn
        e.put("2026-08,210200", "1,1,0,0,1,1.0000,0,0.00,0");      // P2 (NAT-06), rejected in time
        e.put("2026-08,ALL", "3,2,0,1,2,0.6667,0,0.00,0");
        e.put("2026-10,210100", "10,0,0,0,10,1.0000,0,0.00,0");    // LN-02
        e.put("2026-10,210200", "9,0,0,0,0,0.0000,0,0.00,0");      // below LN-02
        e.put("2026-10,ALL", "19,0,0,0,10,0.5263,0,0.00,0");
        e.put("2026-11,210100", "1,1,0,1,0,0.0000,0,0.00,0");      // NOV-1 (FUT-1 after D)
        e.put("2026-11,210200", "1,0,0,0,0,0.0000,1,0.00,0");      // DEC-AFTER decided after D; S5 paid after D
        e.put("2026-11,ALL", "2,1,0,1,0,0.0000,1,0.00,0");
        return e;
    }

    @Test
    void monthlyCsvIsTheHandCountWithEveryMonthForEveryCityZerosIncluded() {
        List<String> lines = TrendFixtures.lines(trend.resolve("monthly.csv"));
        assertThat(lines.get(0)).isEqualTo("month,city,claims_received,claims_decided,decided_late,claims_approved,"
                + "flagged_claims,flagged_share,subsidy_applications,subsidy_paid_amount,flagged_applications");
        Map<String, String> expected = expectedMonthly();
        List<String> want = new ArrayList<>();
        for (LocalDate m = LocalDate.of(2024, 12, 1); !m.isAfter(LocalDate.of(2026, 11, 1)); m = m.plusMonths(1)) {
            String month = m.toString().substring(0, 7);
            for (String city : List.of("210100", "210200", "211100", "ALL")) {
                want.add(month + "," + city + "," + expected.getOrDefault(month + "," + city, ZERO));
            }
        }
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(want);
        assertThat(want).hasSize(24 * 4);
        // a month without any data is there, with zeros, for every city
        assertThat(lines).contains("2025-03,210100," + ZERO, "2025-03,210200," + ZERO, "2025-03,211100," + ZERO,
                "2025-03,ALL," + ZERO);
    }

    @Test
    void decidedLateIsEmptyForMonthsTheCalendarDoesNotCover() {
        List<String> lines = TrendFixtures.lines(earlyTrend.resolve("monthly.csv"));
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            byKey.put(cells[0] + "," + cells[1], line.substring(cells[0].length() + cells[1].length() + 2));
        }
        // window 2022-04 .. 2024-03; only 沈阳 has rows (the later data is after the as-of date)
        assertThat(byKey).hasSize(24 * 2);
        assertThat(byKey.keySet()).first().isEqualTo("2022-04,210100");
        assertThat(byKey.keySet()).last().isEqualTo("2024-03,ALL");
        assertThat(byKey.get("2022-05,210100")).isEqualTo("1,1,,1,0,0.0000,0,0.00,0");   // 2022: no notice
        assertThat(byKey.get("2022-07,ALL")).isEqualTo("0,0,,0,0,,0,0.00,0");            // not available, even with nothing decided
        assertThat(byKey.get("2022-12,210100")).isEqualTo("1,0,,0,0,0.0000,0,0.00,0");
        assertThat(byKey.get("2023-01,210100")).isEqualTo("0,1,,1,0,,0,0.00,0");         // the deadline of E22B needs 2022
        assertThat(byKey.get("2023-01,ALL")).isEqualTo("0,1,,1,0,,0,0.00,0");
        assertThat(byKey.get("2023-02,210100")).isEqualTo(ZERO);                         // covered: a real zero
        assertThat(byKey.get("2023-06,210100")).isEqualTo("1,1,1,1,0,0.0000,0,0.00,0"); // E23 late
        assertThat(byKey.get("2024-03,ALL")).isEqualTo(ZERO);
        // the report says so
        String html = TrendFixtures.text(earlyTrend.resolve("report.html"));
        assertThat(html).contains("不可用");
    }

    // ---------------------------------------------------------------- rules.csv, alerts.csv, surges

    @Test
    void rulesCsvCountsEachFlaggedCaseOncePerRuleFromEveryNightUpToD() {
        assertThat(TrendFixtures.lines(trend.resolve("rules.csv"))).containsExactly(
                "month,city,rule,flagged",
                "2026-04,210100,SKL-07,1",
                "2026-04,ALL,SKL-07,1",
                "2026-08,210100,NAT-06,1",
                "2026-08,210200,NAT-06,1",
                "2026-08,ALL,NAT-06,2",
                "2026-10,210100,LN-02,10",
                "2026-10,210100,NAT-06,1",
                "2026-10,ALL,LN-02,10",
                "2026-10,ALL,NAT-06,1");
    }

    @Test
    void alertsCsvCountsAlertsByTheMonthTheyWereFirstRaised() {
        assertThat(TrendFixtures.lines(trend.resolve("alerts.csv"))).containsExactly(
                "month,city,rule,alerts",
                "2026-06,210200,SKL-06,1",
                "2026-06,ALL,SKL-06,1",
                "2026-08,ALL,NAT-06,1",            // no region: ALL only
                "2026-10,210100,LN-02,1",
                "2026-10,ALL,LN-02,1",
                "2026-11,210100,LN-02,1",          // raised by tonight's LN-02 (employer E10 of 210102)
                "2026-11,ALL,LN-02,1");
    }

    @Test
    void subsidySurgesListTheSkl06MonthsOfTheWindow() {
        assertThat(TrendFixtures.lines(trend.resolve("subsidy-surges.csv"))).containsExactly(
                "month,city,paid_amount,threshold",
                "2026-05,210200,1800.00,1200.00");
    }

    // ---------------------------------------------------------------- conventions, reruns

    @Test
    void everyCsvFollowsTheOutputConventions() throws IOException {
        for (String name : List.of("monthly.csv", "rules.csv", "alerts.csv", "subsidy-surges.csv")) {
            byte[] bytes = Files.readAllBytes(trend.resolve(name));
            assertThat(bytes[0] & 0xFF).as(name).isEqualTo(0xEF);
            assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
            assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n");
            assertThat(text.replace("\r\n", "")).as(name + " has only CRLF line ends").doesNotContain("\n").doesNotContain("\r");
            // readable as every other output is read
            assertThat(Screened.csv(trend.resolve(name))).isNotNull();
        }
        assertThat(Screened.csv(trend.resolve("monthly.csv"))).hasSize(96)
                .allSatisfy(row -> assertThat(row.get("month")).matches("[0-9]{4}-[0-9]{2}"));
        try (Stream<Path> files = Files.list(trend)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("alerts.csv", "monthly.csv", "report.html", "rules.csv", "subsidy-surges.csv");
        }
    }

    @Test
    void aRerunOfTheSameDateWritesTheSameBytes() {
        assertThat(fourthRun.keySet()).isEqualTo(secondRun.keySet());
        for (String name : secondRun.keySet()) {
            assertThat(fourthRun.get(name)).as(name).isEqualTo(secondRun.get(name));
        }
    }

    // ---------------------------------------------------------------- no personal data

    static final Pattern ID_NUMBER = Pattern.compile("[1-9][0-9]{16}[0-9Xx]");
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12,19}(?![0-9])");

    @Test
    void noTrendFileHoldsPersonalData() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(trend.getParent().resolve("trend"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        try (Stream<Path> s = Files.walk(earlyTrend)) {
            files = Stream.concat(files.stream(), s.filter(Files::isRegularFile).toList().stream()).toList();
        }
        assertThat(files).hasSize(10);
        assertThat(personal).hasSizeGreaterThan(100);
        for (Path f : files) {
            String text = TrendFixtures.text(f);
            for (Pattern p : List.of(ID_NUMBER, MOBILE, ACCOUNT)) {
                Matcher m = p.matcher(text);
                assertThat(m.find()).as(f + " matches " + p + (m.hitEnd() ? "" : " at " + safeGroup(m))).isFalse();
            }
            for (String value : personal) {
                assertThat(text).as(f.toString()).doesNotContain(value);
            }
            assertThat(text).doesNotContain(E10).doesNotContain(E9).doesNotContain("测试重工").doesNotContain("CERT-");
        }
        // the worklist of the same run does hold them: the scan looks for the right things
        String worklist = TrendFixtures.text(outRoot.resolve(D).resolve("worklist.csv"));
        assertThat(ID_NUMBER.matcher(worklist).find()).isTrue();
        assertThat(personal).anyMatch(worklist::contains);
    }

    private static String safeGroup(Matcher m) {
        try {
            return m.group();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- report.html

    @Test
    void reportHtmlIsOneSelfContainedChinesePage() {
        String html = TrendFixtures.text(trend.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">").contains("<meta charset=\"UTF-8\">")
                .contains("@media print").contains("数据截至 " + D);
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("<link").doesNotContain("<img")
                .doesNotContain("@font-face").doesNotContain("<iframe");
        assertThat(html).contains("申领受理数", "审核决定数", "超期决定数", "核准数", "疑点申领数", "疑点占比", "技能提升补贴申领数",
                "补贴发放金额", "预警数");
        // the only date besides months is the as-of date
        Matcher dates = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}").matcher(html);
        while (dates.find()) {
            assertThat(dates.group()).isEqualTo(D);
        }
    }

    @Test
    void reportHtmlDrawsEveryChartWithAPointForEveryMonth() {
        String html = TrendFixtures.text(trend.resolve("report.html"));
        assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(TrendPage.CHART_IDS.size());
        for (String id : TrendPage.CHART_IDS) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
        Map<String, Map<String, Integer>> charts = seriesPoints(html);
        assertThat(charts.keySet()).containsExactlyElementsOf(TrendPage.CHART_IDS);
        // counts are drawn for all 24 months: zeros, not gaps
        assertThat(charts.get("chart-claims")).containsExactly(Map.entry("申领受理数", 24), Map.entry("审核决定数", 24),
                Map.entry("核准数", 24), Map.entry("超期决定数", 24));
        assertThat(charts.get("chart-city-claims")).containsExactly(Map.entry("210100 沈阳市", 24), Map.entry("210200 大连市", 24),
                Map.entry("211100 盘锦市", 24));
        assertThat(charts.get("chart-flags")).containsExactly(Map.entry("疑点申领数（合计）", 24),
                Map.entry("LN-02 " + Names.rule("LN-02"), 24), Map.entry("NAT-06 " + Names.rule("NAT-06"), 24));
        // a share is not defined without claims received: only 2026-10..11 are consecutive months with claims
        assertThat(charts.get("chart-share")).containsExactly(Map.entry("全省", 2), Map.entry("210100 沈阳市", 2),
                Map.entry("210200 大连市", 2));
        assertThat(charts.get("chart-subsidy")).containsExactly(Map.entry("技能提升补贴申领数", 24), Map.entry("疑点补贴申领数", 24));
        assertThat(charts.get("chart-paid")).containsExactly(Map.entry("补贴发放金额", 24));
        assertThat(charts.get("chart-city-paid")).containsExactly(Map.entry("210100 沈阳市", 24), Map.entry("210200 大连市", 24),
                Map.entry("211100 盘锦市", 24));
        assertThat(charts.get("chart-alerts")).containsExactly(Map.entry("预警数（合计）", 24), Map.entry("辽宁规则 LN", 24),
                Map.entry("国家规则 NAT", 24), Map.entry("技能提升补贴 SKL", 24));
        // the SKL-06 surge of 大连 in 2026-05 is circled on both subsidy charts
        assertThat(count(html, "<circle class=\"marker\"")).isEqualTo(2);
        assertThat(html).contains("SKL-06 补贴发放金额快速上升 2026-05：210200 大连市 发放1,800.00元（阈值1,200.00元）");
    }

    @Test
    void reportHtmlHeadlinesTablesAndChanges() {
        String html = TrendFixtures.text(trend.resolve("report.html"));
        // headline: claims received 2 in 2026-11 against 19 in 2026-10 and 1 in 2025-11
        assertThat(html).contains("<div class=\"label\">申领受理数</div><div class=\"value\">2</div>"
                + "<div class=\"change\">较上月 <span class=\"down\">▼</span> -17（-89.5%）</div>"
                + "<div class=\"change\">同比 <span class=\"up\">▲</span> +1（+100.0%）</div>");
        // decided: 1 against 0 last month: no percentage against a zero base
        assertThat(html).contains("<div class=\"label\">审核决定数</div><div class=\"value\">1</div>"
                + "<div class=\"change\">较上月 —</div>");
        // the rule table lists LN-02 with 10 in the previous month, and every rule of rules.md
        assertThat(html).contains("<tr><td class=\"code\">LN-02</td><td class=\"name\">同一单位当月10人以上申领</td>"
                + "<td class=\"num\">0</td><td class=\"num\">10</td><td class=\"num\">10</td><td class=\"num\">1</td>"
                + "<td class=\"num\">2</td></tr>");
        for (String code : Names.RULES.keySet()) {
            assertThat(html).contains("<td class=\"code\">" + code + "</td>");
        }
        // the city table: code, Chinese name
        assertThat(html).contains("<td class=\"code\">210100</td><td class=\"name\">沈阳市</td>",
                "<td class=\"code\">210200</td><td class=\"name\">大连市</td>", "<td class=\"code\">211100</td><td class=\"name\">盘锦市</td>",
                "全省合计");
    }

    /** Chart id → series name → points drawn (summed over the runs of a broken line). */
    static Map<String, Map<String, Integer>> seriesPoints(String html) {
        Map<String, Map<String, Integer>> charts = new LinkedHashMap<>();
        Matcher svg = Pattern.compile("<svg class=\"chart\" id=\"([^\"]*)\"(.*?)</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            Map<String, Integer> series = new LinkedHashMap<>();
            Matcher line = Pattern.compile("<polyline class=\"series\" data-series=\"([^\"]*)\" points=\"([^\"]*)\"")
                    .matcher(svg.group(2));
            while (line.find()) {
                series.merge(line.group(1), line.group(2).split(" ").length, Integer::sum);
            }
            charts.put(svg.group(1), series);
        }
        return charts;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
