package org.fundguard.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;
import static org.fundguard.screening.ClaimData.claim;
import static org.fundguard.screening.ClaimData.e;
import static org.fundguard.screening.ClaimData.employers;
import static org.fundguard.screening.ClaimData.ids;
import static org.fundguard.screening.ClaimData.months;
import static org.fundguard.screening.ClaimData.p;
import static org.fundguard.screening.ClaimData.plusDays;
import static org.fundguard.screening.ClaimData.staff;
import static org.fundguard.screening.ClaimData.union;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.fundguard.support.Screened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim rules at, just below and just above their thresholds, through the real command and
 * the real work list, on each database through a subclass. Each test builds one extract set in
 * which several employers or persons sit at different sides of a threshold.
 */
abstract class ClaimRulesTests {

    static final String AS_OF = "2026-11-25";

    @TempDir
    Path tmp;
    String url;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
    }

    Screened screen(ExtractDir extracts, String asOf) {
        return screen(extracts, asOf, new String[0]);
    }

    /** Runs with a job-definition file holding {@code config} lines ({@code rule.<code>.<parameter>=value}). */
    Screened screen(ExtractDir extracts, String asOf, String... config) {
        extracts.write();
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.path().toString(), "--as-of", asOf,
                "--out", out.toString()));
        if (config.length > 0) {
            Path file = tmp.resolve("job.properties");
            try {
                Files.writeString(file, String.join("\n", config) + "\n", StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            args.add("--config");
            args.add(file.toString());
        }
        Cli.Result result = Cli.run(url, args.toArray(String[]::new));
        return Screened.read(result.exitCode(), out.resolve(asOf));
    }

    /** Job-definition lines that switch off every claim rule but {@code keep}. */
    static List<String> onlyRules(String... keep) {
        List<String> lines = new ArrayList<>();
        for (String code : List.of("LN-01", "LN-02", "LN-03", "LN-04", "NAT-01", "NAT-02", "NAT-03", "NAT-04", "NAT-05",
                "NAT-06", "NAT-07")) {
            if (!List.of(keep).contains(code)) {
                lines.add("rule." + code + ".enabled=false");
            }
        }
        return lines;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A decided claim: status, decision date and the other columns given. */
    static String[] decided(String status, String decisionDate, String... more) {
        String[] row = new String[more.length + 4];
        row[0] = "status";
        row[1] = status;
        row[2] = "decision_date";
        row[3] = decisionDate;
        System.arraycopy(more, 0, row, 4, more.length);
        return row;
    }

    /** Persons numbered from {@code base}: claims named {@code prefix + i} of employer {@code employer}. */
    static void claims(ExtractDir x, String prefix, int base, int count, String employer, String... overrides) {
        for (int i = 0; i < count; i++) {
            String[] row = new String[overrides.length + 6];
            row[0] = "claim_id";
            row[1] = prefix + i;
            row[2] = "person_id";
            row[3] = Ids.person(base + i);
            row[4] = "last_employer_id";
            row[5] = employer;
            System.arraycopy(overrides, 0, row, 6, overrides.length);
            x.row(CLAIMS, row);
        }
    }

    @Test
    void ln02_flagsEveryClaimOfAnEmployerMonthWithTenOrMoreClaimants() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        x.row(EMPLOYERS, "employer_id", Ids.employer(9)).row(EMPLOYERS, "employer_id", Ids.employer(10))
                .row(EMPLOYERS, "employer_id", Ids.employer(11)).row(EMPLOYERS, "employer_id", Ids.employer(12))
                .row(EMPLOYERS, "employer_id", Ids.employer(13));
        claims(x, "NINE-", 100, 9, Ids.employer(9), "application_date", "2026-10-15");
        claims(x, "TEN-", 200, 10, Ids.employer(10), "application_date", "2026-10-15");
        claims(x, "ELEVEN-", 300, 11, Ids.employer(11), "application_date", "2026-10-20");
        // the same person twice counts once: 9 distinct persons with 10 claims
        claims(x, "DUP-", 400, 9, Ids.employer(12), "application_date", "2026-10-15");
        x.row(CLAIMS, "claim_id", "DUP-9", "person_id", Ids.person(400), "last_employer_id", Ids.employer(12),
                "application_date", "2026-10-16");
        // a withdrawn claim does not count: 9 live + 1 withdrawn
        claims(x, "WD-", 500, 9, Ids.employer(13), "application_date", "2026-10-15");
        x.row(CLAIMS, "claim_id", "WD-9", "person_id", Ids.person(509), "last_employer_id", Ids.employer(13),
                "application_date", "2026-10-15", "status", "WITHDRAWN");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-02")).hasSize(21).allMatch(id -> id.startsWith("TEN-") || id.startsWith("ELEVEN-"));
        assertThat(s.claim("TEN-0").get("evidence")).contains("LN-02 该单位2026-10申领10人(阈值10人)");
        assertThat(s.alertsOf("LN-02")).hasSize(2).extracting(a -> a.get("value")).containsExactly("10", "11");
        assertThat(s.alertsOf("LN-02").get(0)).containsEntry("period_start", "2026-10-01").containsEntry("period_end", "2026-10-31")
                .containsEntry("entity_type", "EMPLOYER").containsEntry("related_cases", "10").containsEntry("is_new", "Y");
    }

    // ---------------------------------------------------------------- LN-01

    @Test
    void ln01_flagsClaimsOfAnEmployerInsuredUnderSixMonthsWithFiftyOrMoreCumulativeClaimants() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2, 3, 4, 5, 6, 7, 8);
        for (int n : new int[] {1, 2, 4, 6, 7, 8}) {
            months(x, p(900 + n), e(n), "2026-05", "2026-09"); // 5 insured months
        }
        months(x, p(903), e(3), "2026-04", "2026-09"); // 6 insured months
        // employer 5: 5 periods up to October, a 6th in November (insured_months counts periods <= the application month)
        months(x, p(905), e(5), "2026-05", "2026-09");
        months(x, p(905), e(5), "2026-11", "2026-11");
        String oct = "2026-10-15";
        claims(x, "A-", 0, 50, e(1), "application_date", oct);   // 5 months, 50 claimants: flagged
        claims(x, "B-", 50, 49, e(2), "application_date", oct);  // 5 months, 49 claimants
        claims(x, "C-", 100, 51, e(3), "application_date", oct); // 6 months, 51 claimants
        claims(x, "D-", 160, 51, e(4), "application_date", oct); // 5 months, 51 claimants: flagged
        claims(x, "EO-", 220, 25, e(5), "application_date", oct);          // insured 5 months at October: flagged
        claims(x, "EN-", 245, 25, e(5), "application_date", "2026-11-05"); // insured 6 months at November
        // employer 6: 49 in scope + 1 out of scope, counted in cum_claimants (not flagged itself)
        claims(x, "F-", 280, 49, e(6), "application_date", oct);
        claim(x, "F-OLD", 329, 6, "separation_date", "2025-06-01", "application_date", "2025-06-10");
        // employer 7: 49 + 1 applied after D (neither counted nor flagged)
        claims(x, "G-", 340, 49, e(7), "application_date", oct);
        claim(x, "G-LATE", 389, 7, "application_date", "2026-11-26");
        // employer 8: 49 live + 1 withdrawn
        claims(x, "H-", 400, 49, e(8), "application_date", oct);
        claim(x, "H-WD", 449, 8, "application_date", oct, "status", "WITHDRAWN");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-01")).isEqualTo(union(ids("A-", 0, 50), ids("D-", 0, 51), ids("EO-", 0, 25), ids("F-", 0, 49)));
        assertThat(s.claim("A-0").get("evidence")).contains("LN-01 该单位至申领当月累计参保5个月(阈值不足6个月)、累计申领50人(阈值50人)");
        assertThat(s.claim("D-0").get("evidence")).contains("LN-01 该单位至申领当月累计参保5个月(阈值不足6个月)、累计申领51人(阈值50人)");
        assertThat(s.claim("EO-0").get("evidence")).contains("累计参保5个月(阈值不足6个月)、累计申领50人(阈值50人)");
        assertThat(s.claim("F-0").get("evidence")).contains("累计申领50人(阈值50人)");
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).doesNotContain("F-OLD", "G-LATE", "H-WD");

        List<Map<String, String>> alerts = s.alertsOf("LN-01");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactly(e(1), e(4), e(5), e(6));
        assertThat(alerts).extracting(a -> a.get("value")).containsExactly("50", "51", "50", "50");
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("50", "51", "25", "49");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("entity_type", "EMPLOYER").containsEntry("severity", "VERIFY")
                .containsEntry("period_start", "2026-05-01").containsEntry("period_end", AS_OF).containsEntry("threshold", "50")
                .containsEntry("region_code", "210102"));
        assertThat(alerts.get(0)).containsEntry("entity_name", "测试单位1");
    }

    // ---------------------------------------------------------------- LN-02 (parameter)

    @Test
    void ln02_honoursATightenedMinimumAndTheRuleSwitches() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        employers(x, 1, 2);
        claims(x, "FOUR-", 0, 4, e(1), "application_date", "2026-10-15");
        claims(x, "FIVE-", 10, 5, e(2), "application_date", "2026-10-15");
        List<String> config = new ArrayList<>(onlyRules("LN-02"));
        config.add("rule.LN-02.min_claimants=5");

        Screened s = screen(x, AS_OF, config.toArray(String[]::new));

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-02")).isEqualTo(ids("FIVE-", 0, 5));
        // the other rules are switched off: without contributions LN-04/NAT-03 would flag every claim
        assertThat(s.worklist()).extracting(r -> r.get("rules")).containsOnly("LN-02");
        assertThat(s.claim("FIVE-0").get("evidence")).isEqualTo("LN-02 该单位2026-10申领5人(阈值5人)");
        assertThat(s.alerts()).hasSize(1);
        assertThat(s.alertsOf("LN-02").get(0)).containsEntry("entity_id", e(2)).containsEntry("value", "5")
                .containsEntry("threshold", "5").containsEntry("related_cases", "5");
    }

    // ---------------------------------------------------------------- LN-03

    @Test
    void ln03_flagsWhenMoreThanHalfOfTheWindowsInsuredStaffClaimed() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2, 3, 4, 5, 6, 7, 8);
        // headcount counts distinct persons: two periods each still make 10
        staff(x, e(1), 0, 10, "2026-08", "2026-09");
        claims(x, "A-", 0, 5, e(1));                    // 5 of 10: exactly half, not more
        staff(x, e(2), 10, 10, "2026-08", "2026-09");
        claims(x, "B-", 10, 6, e(2));                   // 6 of 10: flagged
        staff(x, e(3), 20, 9, "2026-09");
        claims(x, "C-", 20, 5, e(3));                   // 5 of 9: 5 > 4.5, flagged
        claims(x, "D-", 30, 1, e(4));                   // headcount 0 < min_headcount 1
        staff(x, e(5), 31, 1, "2026-09");
        claims(x, "E-", 31, 1, e(5));                   // 1 of 1: flagged
        // window: a claim 11 months before m (12 months back, inclusive) counts, 12 months before does not
        staff(x, e(6), 40, 10, "2026-09");
        claims(x, "F-", 40, 5, e(6));
        claim(x, "F-DEC", 45, 6, "separation_date", "2025-11-30", "application_date", "2025-12-01");
        staff(x, e(7), 50, 10, "2026-09");
        claims(x, "G-", 50, 5, e(7));
        claim(x, "G-NOV", 55, 7, "separation_date", "2025-11-29", "application_date", "2025-11-30");
        // an out-of-scope claim in the window is counted (not flagged)
        staff(x, e(8), 60, 10, "2026-09");
        claims(x, "H-", 60, 5, e(8), "application_date", "2026-10-15");
        claim(x, "H-OLD", 65, 8, "separation_date", "2025-11-01", "application_date", "2025-11-10");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-03")).isEqualTo(union(ids("B-", 0, 6), ids("C-", 0, 5), ids("E-", 0, 1), ids("F-", 0, 5),
                ids("H-", 0, 5)));
        assertThat(s.claim("B-0").get("evidence")).contains("LN-03 该单位2025-12至2026-11申领6人、参保10人，占比0.6000(阈值超过0.5)");
        assertThat(s.claim("C-0").get("evidence")).contains("LN-03 该单位2025-12至2026-11申领5人、参保9人，占比0.5556(阈值超过0.5)");
        assertThat(s.claim("F-0").get("evidence")).contains("申领6人、参保10人");
        assertThat(s.claim("H-0").get("evidence")).contains("LN-03 该单位2025-11至2026-10申领6人、参保10人，占比0.6000(阈值超过0.5)");

        List<Map<String, String>> alerts = s.alertsOf("LN-03");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactly(e(2), e(3), e(5), e(6), e(8));
        assertThat(alerts).extracting(a -> a.get("value")).containsExactly("0.6000", "0.5556", "1.0000", "0.6000", "0.6000");
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("6", "5", "1", "5", "5");
        assertThat(alerts).extracting(a -> a.get("period_start"))
                .containsExactly("2025-12-01", "2025-12-01", "2025-12-01", "2025-12-01", "2025-11-01");
        assertThat(alerts).extracting(a -> a.get("period_end"))
                .containsExactly("2026-11-30", "2026-11-30", "2026-11-30", "2026-11-30", "2026-10-31");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("threshold", "0.5").containsEntry("entity_type", "EMPLOYER")
                .containsEntry("severity", "VERIFY"));
    }

    // ---------------------------------------------------------------- LN-04

    @Test
    void ln04_flagsAStreakWithTheLastEmployerShorterThanSixMonths() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2);
        // separation 2026-09-30 (default): s = 2026-09
        months(x, p(1), e(1), "2026-04", "2026-09");
        claim(x, "S6", 1, 1);
        months(x, p(2), e(1), "2026-05", "2026-09");
        claim(x, "S5", 2, 1);
        months(x, p(3), e(1), "2026-03", "2026-09");
        claim(x, "S7", 3, 1);
        months(x, p(4), e(1), "2025-10", "2026-06"); // 9 months, then a gap in 2026-07
        months(x, p(4), e(1), "2026-08", "2026-09");
        claim(x, "GAP", 4, 1);
        claim(x, "NONE", 5, 1);
        months(x, p(6), e(2), "2026-01", "2026-09"); // with another employer only
        claim(x, "OTHER", 6, 1);
        months(x, p(7), e(1), "2026-05", "2026-11"); // 2026-10 and 2026-11 are after the separation month
        claim(x, "AFTER", 7, 1);
        months(x, p(8), e(1), "2026-02", "2026-07"); // L = 2026-07 < s
        claim(x, "EARLY", 8, 1);
        months(x, p(11), e(1), "2026-04", "2026-09");
        claim(x, "MID", 11, 1, "separation_date", "2026-09-10");
        claim(x, "WD", 9, 1, "status", "WITHDRAWN");
        claim(x, "OLD", 10, 1, "separation_date", "2025-10-31", "application_date", "2025-11-20");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-04")).containsExactlyInAnyOrder("S5", "GAP", "NONE", "OTHER", "AFTER");
        assertThat(s.claim("S5").get("evidence")).contains("LN-04 在最后参保单位连续缴费5个月，截至2026-09(阈值6个月)");
        assertThat(s.claim("GAP").get("evidence")).contains("LN-04 在最后参保单位连续缴费2个月，截至2026-09(阈值6个月)");
        assertThat(s.claim("NONE").get("evidence")).contains("LN-04 离职前在最后参保单位无缴费记录(阈值6个月)");
        assertThat(s.claim("OTHER").get("evidence")).contains("LN-04 离职前在最后参保单位无缴费记录(阈值6个月)");
        assertThat(s.claim("AFTER").get("evidence")).contains("LN-04 在最后参保单位连续缴费5个月，截至2026-09(阈值6个月)");
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).doesNotContain("WD", "OLD");
    }

    // ---------------------------------------------------------------- NAT-01

    @Test
    void nat01_flagsTenOrMoreSeparationsOfAnEmployerWithinThirtyDays() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        employers(x, 1, 2, 3, 4, 5, 6, 7, 8);
        String sep = "2026-09-01";
        for (int i = 0; i < 9; i++) {
            claim(x, "A-" + i, i, 1, "separation_date", plusDays(sep, 3 * i)); // 9 persons within 25 days
        }
        for (int i = 0; i < 10; i++) {
            claim(x, "B-" + i, 10 + i, 2, "separation_date", plusDays(sep, 3 * i)); // 10 persons within 28 days
        }
        for (int i = 0; i < 11; i++) {
            claim(x, "C-" + i, 20 + i, 3, "separation_date", plusDays(sep, 2 * i)); // 11 persons within 21 days
        }
        for (int i = 0; i < 9; i++) {
            claim(x, "D-" + i, 40 + i, 4, "separation_date", sep);
            claim(x, "E-" + i, 50 + i, 5, "separation_date", sep);
        }
        claim(x, "D-9", 49, 4, "separation_date", "2026-09-30"); // 29 days later: in the same span
        claim(x, "E-9", 59, 5, "separation_date", "2026-10-01"); // 30 days later: not
        // employer 6: clusters on 06-01, 06-25, 07-20 (spans overlap pairwise: one group), and 09-30 (a second group)
        for (int i = 0; i < 10; i++) {
            claim(x, "F-A" + i, 60 + i, 6, "separation_date", "2026-06-01");
            claim(x, "F-B" + i, 70 + i, 6, "separation_date", "2026-06-25");
            claim(x, "F-C" + i, 80 + i, 6, "separation_date", "2026-07-20");
            claim(x, "F-D" + i, 90 + i, 6, "separation_date", "2026-09-30");
        }
        // employer 7: the same person twice counts once (9 persons, 10 claims)
        for (int i = 0; i < 9; i++) {
            claim(x, "G-" + i, 100 + i, 7, "separation_date", plusDays(sep, i));
        }
        claim(x, "G-9", 100, 7, "separation_date", "2026-09-20", "application_date", "2026-11-04");
        // employer 8: 9 live and 1 withdrawn
        for (int i = 0; i < 9; i++) {
            claim(x, "H-" + i, 110 + i, 8, "separation_date", sep);
        }
        claim(x, "H-WD", 119, 8, "separation_date", sep, "status", "WITHDRAWN");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-01")).isEqualTo(union(ids("B-", 0, 10), ids("C-", 0, 11), ids("D-", 0, 10), ids("F-A", 0, 10),
                ids("F-B", 0, 10), ids("F-C", 0, 10), ids("F-D", 0, 10)));
        assertThat(s.claim("B-0").get("evidence")).contains("NAT-01 该单位2026-09-01至2026-09-28集中离职申领10人(30天内阈值10人)");
        assertThat(s.claim("C-10").get("evidence")).contains("NAT-01 该单位2026-09-01至2026-09-21集中离职申领11人(30天内阈值10人)");
        assertThat(s.claim("D-9").get("evidence")).contains("NAT-01 该单位2026-09-01至2026-09-30集中离职申领10人(30天内阈值10人)");
        assertThat(s.claim("F-A0").get("evidence")).contains("NAT-01 该单位2026-06-01至2026-07-20集中离职申领30人(30天内阈值10人)");
        assertThat(s.claim("F-D0").get("evidence")).contains("NAT-01 该单位2026-09-30至2026-09-30集中离职申领10人(30天内阈值10人)");
        assertThat(s.claim("B-0").get("severity")).isEqualTo("HIGH");

        List<Map<String, String>> alerts = s.alertsOf("NAT-01");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactly(e(2), e(3), e(4), e(6), e(6));
        assertThat(alerts).extracting(a -> a.get("period_start"))
                .containsExactly("2026-09-01", "2026-09-01", "2026-09-01", "2026-06-01", "2026-09-30");
        assertThat(alerts).extracting(a -> a.get("period_end"))
                .containsExactly("2026-09-28", "2026-09-21", "2026-09-30", "2026-07-20", "2026-09-30");
        assertThat(alerts).extracting(a -> a.get("value")).containsExactly("10", "11", "10", "30", "10");
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("10", "11", "10", "30", "10");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("threshold", "10").containsEntry("severity", "HIGH")
                .containsEntry("entity_type", "EMPLOYER"));
    }

    // ---------------------------------------------------------------- NAT-02

    @Test
    void nat02_flagsWhenBeneficiariesExceedThirtyPercentOfAtLeastTenInsured() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2, 3, 4, 5, 6, 7, 8);
        String[] approved = decided("APPROVED", "2026-11-10");
        staff(x, e(1), 0, 10, "2026-09");
        claims(x, "A-", 0, 3, e(1), approved);                 // 3 of 10: 3 > 3.0 is false
        staff(x, e(2), 10, 10, "2026-09");
        claim(x, "B-0", 10, 2, approved);                      // 4 of 10, one of each counted status
        claim(x, "B-1", 11, 2, decided("PAYING", "2026-11-10"));
        claim(x, "B-2", 12, 2, decided("SUSPENDED", "2026-11-10"));
        claim(x, "B-3", 13, 2, decided("ENDED", "2026-11-10"));
        staff(x, e(3), 20, 10, "2026-09");
        claims(x, "C-", 20, 3, e(3), approved);                // a RECEIVED claim is not counted: n = 3
        claim(x, "C-RCV", 23, 3);
        staff(x, e(4), 30, 10, "2026-09");
        claims(x, "D-", 30, 4, e(4), approved);                // n = 4: the RECEIVED claim is flagged too
        claim(x, "D-RCV", 34, 4);
        staff(x, e(5), 40, 9, "2026-09");
        claims(x, "E-", 40, 9, e(5), approved);                // headcount 9 < min_headcount 10
        staff(x, e(6), 50, 10, "2026-09");
        claims(x, "F-", 50, 3, e(6), approved);                // rejected claims are not counted: n = 3
        claims(x, "F-R", 53, 2, e(6), decided("REJECTED", "2026-11-10"));
        staff(x, e(7), 60, 10, "2026-09");
        claims(x, "G-", 60, 3, e(7), approved);                // + an ENDED claim of 2025-12 (in W): n = 4
        claim(x, "G-DEC", 63, 7, decided("ENDED", "2025-12-10", "separation_date", "2025-11-30", "application_date", "2025-12-01"));
        staff(x, e(8), 70, 10, "2026-09");
        claims(x, "H-", 70, 3, e(8), approved);                // + an ENDED claim of 2025-11 (outside W): n = 3
        claim(x, "H-NOV", 73, 8, decided("ENDED", "2025-12-10", "separation_date", "2025-11-29", "application_date", "2025-11-30"));

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-02")).isEqualTo(union(ids("B-", 0, 4), ids("D-", 0, 4), Set.of("D-RCV"), ids("G-", 0, 3)));
        assertThat(s.claim("B-0").get("evidence")).contains("NAT-02 该单位2025-12至2026-11领金4人、参保10人，占比0.4000(阈值超过0.3)");
        assertThat(s.claim("D-RCV").get("evidence")).contains("NAT-02 该单位2025-12至2026-11领金4人、参保10人，占比0.4000(阈值超过0.3)");
        assertThat(s.claim("D-RCV").get("severity")).isEqualTo("HIGH");
        assertThat(s.claim("G-0").get("evidence")).contains("领金4人、参保10人");

        List<Map<String, String>> alerts = s.alertsOf("NAT-02");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactly(e(2), e(4), e(7));
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("4", "5", "3");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("value", "0.4000").containsEntry("threshold", "0.3")
                .containsEntry("period_start", "2025-12-01").containsEntry("period_end", "2026-11-30")
                .containsEntry("severity", "HIGH").containsEntry("entity_type", "EMPLOYER"));
    }

    // ---------------------------------------------------------------- NAT-03

    @Test
    void islands_aMonthDeliveredOnALaterNightJoinsTheRunsAndCountsInTheHeadcount() {
        // night 1: person 1 with e(1) 2026-04..2026-06 and 2026-08..2026-09 (gap in 2026-07): streak 2;
        // person 2 only with e(2) in 2026-09; e(3) has 2 staff with 2026-09, 2 claims: 2 of 2 flagged by LN-03
        ExtractDir first = new ExtractDir(tmp.resolve("night1"));
        employers(first, 1, 2, 3);
        months(first, p(1), e(1), "2026-04", "2026-06");
        months(first, p(1), e(1), "2026-08", "2026-09");
        claim(first, "GAP", 1, 1);
        months(first, p(2), e(2), "2026-09", "2026-09");
        claim(first, "ONE", 2, 2);
        staff(first, e(3), 20, 2, "2026-09");
        claims(first, "M-", 20, 2, e(3));
        Screened night1 = screen(first, AS_OF, onlyRules("LN-03", "LN-04", "NAT-03").toArray(String[]::new));
        assertThat(night1.exitCode()).isZero();
        assertThat(night1.flaggedBy("LN-04")).contains("GAP", "ONE");
        assertThat(night1.flaggedBy("NAT-03")).contains("GAP", "ONE");
        assertThat(night1.flaggedBy("LN-03")).containsAll(ids("M-", 0, 2));

        // night 2 (a delta): the missing 2026-07 of person 1, 2026-07..2026-08 of person 2 with e(2),
        // and 3 more staff of e(3) in 2026-09: 2 of 5 no longer more than half
        ExtractDir second = new ExtractDir(tmp.resolve("night2"));
        months(second, p(1), e(1), "2026-07", "2026-07");
        months(second, p(2), e(2), "2026-07", "2026-08");
        staff(second, e(3), 22, 3, "2026-09");
        Screened night2 = screen(second, AS_OF, onlyRules("LN-03", "LN-04", "NAT-03").toArray(String[]::new));

        assertThat(night2.exitCode()).isZero();
        assertThat(night2.flaggedBy("LN-04")).contains("ONE").doesNotContain("GAP");
        assertThat(night2.claim("ONE").get("evidence")).contains("LN-04 在最后参保单位连续缴费3个月，截至2026-09(阈值6个月)");
        assertThat(night2.flaggedBy("NAT-03")).doesNotContain("GAP", "ONE");
        assertThat(night2.flaggedBy("LN-03")).doesNotContainAnyElementsOf(ids("M-", 0, 2));
    }

    @Test
    void nat03_flagsAStreakWithAnyEmployerShorterThanThreeMonths() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2, 3);
        months(x, p(1), e(1), "2026-08", "2026-09");
        claim(x, "T2", 1, 1);
        months(x, p(2), e(1), "2026-07", "2026-09");
        claim(x, "T3", 2, 1);
        months(x, p(3), e(1), "2026-06", "2026-09");
        claim(x, "T4", 3, 1);
        months(x, p(4), e(1), "2026-08", "2026-09"); // two employers in 2026-08 count once
        months(x, p(4), e(2), "2026-08", "2026-08");
        claim(x, "TWO", 4, 1);
        months(x, p(5), e(2), "2026-07", "2026-07"); // job changes without a gap keep the streak
        months(x, p(5), e(3), "2026-08", "2026-08");
        months(x, p(5), e(1), "2026-09", "2026-09");
        claim(x, "CHANGE", 5, 1);
        months(x, p(6), e(1), "2026-04", "2026-06");
        months(x, p(6), e(1), "2026-08", "2026-09");
        claim(x, "GAP", 6, 1);
        claim(x, "NONE", 7, 1);
        months(x, p(8), e(1), "2026-08", "2026-09"); // contributions after the separation month are ignored
        months(x, p(8), e(2), "2026-10", "2026-11");
        claim(x, "AFTER", 8, 1);
        months(x, p(9), e(1), "2026-05", "2026-07");
        claim(x, "EARLY", 9, 1);
        claim(x, "WD", 10, 1, "status", "WITHDRAWN");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-03")).containsExactlyInAnyOrder("T2", "TWO", "GAP", "NONE", "AFTER");
        assertThat(s.claim("T2").get("evidence")).contains("NAT-03 连续缴费2个月，截至2026-09(阈值3个月)");
        assertThat(s.claim("TWO").get("evidence")).contains("NAT-03 连续缴费2个月，截至2026-09(阈值3个月)");
        assertThat(s.claim("GAP").get("evidence")).contains("NAT-03 连续缴费2个月，截至2026-09(阈值3个月)");
        assertThat(s.claim("NONE").get("evidence")).contains("NAT-03 离职前无缴费记录(阈值3个月)");
        assertThat(s.claim("AFTER").get("evidence")).contains("NAT-03 连续缴费2个月，截至2026-09(阈值3个月)");
        // CHANGE: streak 3 with any employer, 1 with the last one
        assertThat(s.claim("CHANGE").get("evidence")).contains("LN-04 在最后参保单位连续缴费1个月，截至2026-09(阈值6个月)");
        assertThat(s.claim("CHANGE").get("severity")).isEqualTo("VERIFY");
        assertThat(s.claim("T2").get("severity")).isEqualTo("HIGH");
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).doesNotContain("WD");
    }

    // ---------------------------------------------------------------- NAT-04, NAT-05

    /** A later claim of the same person: separated 2026-02-15, applied 2026-02-20. */
    static String[] later(String region, String status, String start, String end) {
        return new String[] {"region_code", region, "separation_date", "2026-02-15", "application_date", "2026-02-20", "status", status,
                "decision_date", status.equals("RECEIVED") ? "" : "2026-02-25", "benefit_start", start, "benefit_end", end};
    }

    @Test
    void nat04_nat05_flagClaimsOfOnePersonWhoseCoveragesShareADay() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        employers(x, 1);
        // first claims: benefits 2026-01-01 .. 2026-06-30 in 210102
        String[] first = {"separation_date", "2025-12-01", "application_date", "2025-12-10", "status", "APPROVED",
                "decision_date", "2025-12-20", "benefit_start", "2026-01-01", "benefit_end", "2026-06-30"};
        claim(x, "X1-A", 1, 1, first);
        claim(x, "X1-B", 1, 1, later("210202", "PAYING", "2026-06-30", "2026-12-31"));   // touches: one shared day
        claim(x, "X2-A", 2, 1, first);
        claim(x, "X2-B", 2, 1, later("210202", "PAYING", "2026-07-01", "2026-12-31"));   // misses by a day
        claim(x, "X3-A", 3, 1, first);
        claim(x, "X3-B", 3, 1, later("210102", "PAYING", "2026-03-01", "2026-08-31"));   // overlaps
        claim(x, "X4-A", 4, 1, first);
        claim(x, "X4-B", 4, 1, later("210202", "APPROVED", "2026-06-30", ""));           // only the start: [06-30, 06-30]
        claim(x, "X5-A", 5, 1, first);
        claim(x, "X5-B", 5, 1, later("210202", "APPROVED", "2026-07-01", ""));           // only the start, a day later
        claim(x, "X6-A", 6, 1);                                                          // neither: application dates, equal
        claim(x, "X6-B", 6, 1, "region_code", "210202");
        claim(x, "X7-A", 7, 1);                                                          // neither: application dates a day apart
        claim(x, "X7-B", 7, 1, "region_code", "210202", "application_date", "2026-11-04");
        String[] current = {"separation_date", "2026-09-10", "application_date", "2026-09-20", "status", "APPROVED",
                "decision_date", "2026-09-25", "benefit_start", "2026-10-01", "benefit_end", "2027-03-31"};
        claim(x, "X9-A", 9, 1, current);                                                 // a range and an application date
        claim(x, "X9-B", 9, 1, "region_code", "210202");
        claim(x, "X10-A", 10, 1, first);
        claim(x, "X10-B", 10, 1, later("210202", "REJECTED", "2026-03-01", "2026-08-31")); // rejected: never counts
        claim(x, "X11-A", 11, 1, first);
        claim(x, "X11-B", 11, 1, later("210202", "WITHDRAWN", "2026-03-01", "2026-08-31")); // withdrawn: never counts
        claim(x, "X12-A", 12, 1, first);
        claim(x, "X12-B", 12, 1, later("130102", "PAYING", "2026-03-01", "2026-08-31"));   // another province: NAT-04
        // out of scope: X13-A is counted but not flagged
        claim(x, "X13-A", 13, 1, "separation_date", "2025-05-31", "application_date", "2025-06-10", "status", "ENDED",
                "decision_date", "2025-06-20", "benefit_start", "2025-06-15", "benefit_end", "2026-02-28");
        claim(x, "X13-B", 13, 1, later("210202", "PAYING", "2026-02-28", "2026-08-31"));
        // applied after D: ignored
        claim(x, "X14-A", 14, 1, current);
        claim(x, "X14-B", 14, 1, "region_code", "210202", "application_date", "2026-11-26");
        // three claims: same province and another province at once
        claim(x, "X15-A", 15, 1, first);
        claim(x, "X15-B", 15, 1, later("210202", "PAYING", "2026-03-01", "2026-08-31"));
        claim(x, "X15-C", 15, 1, later("130102", "PAYING", "2026-04-01", "2026-09-30"));

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-05")).containsExactlyInAnyOrder("X1-A", "X1-B", "X3-A", "X3-B", "X4-A", "X4-B", "X6-A", "X6-B",
                "X9-A", "X9-B", "X13-B", "X15-A", "X15-B");
        assertThat(s.flaggedBy("NAT-04")).containsExactlyInAnyOrder("X12-A", "X12-B", "X15-A", "X15-B", "X15-C");
        assertThat(s.claim("X1-A").get("evidence")).contains("NAT-05 与本省申领X1-B(210202)待遇期重叠");
        assertThat(s.claim("X1-B").get("evidence")).contains("NAT-05 与本省申领X1-A(210102)待遇期重叠");
        assertThat(s.claim("X12-A").get("evidence")).contains("NAT-04 与外省申领X12-B(130102)待遇期重叠");
        assertThat(s.claim("X12-B").get("evidence")).contains("NAT-04 与外省申领X12-A(210102)待遇期重叠");
        assertThat(s.claim("X15-C").get("evidence"))
                .contains("NAT-04 与外省申领X15-A(210102)待遇期重叠；NAT-04 与外省申领X15-B(210202)待遇期重叠");
        assertThat(s.claim("X15-A").get("rules")).contains("NAT-04|NAT-05");
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).doesNotContain("X14-B");
        assertThat(s.claim("X12-A").get("severity")).isEqualTo("HIGH");
    }

    // ---------------------------------------------------------------- NAT-06

    @Test
    void nat06_flagsAPhoneOrAccountSharedByThreePersonsAndNeverShowsItUnmasked() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, IntStream.rangeClosed(1, 21).toArray());
        claim(x, "PH3-0", 1, 1, "phone", "13812345678");
        claim(x, "PH3-1", 2, 2, "phone", "+86 138-1234-5678"); // the same phone, written differently
        claim(x, "PH3-2", 3, 3, "phone", "13812345678", "region_code", "210202");
        claim(x, "PH2-0", 4, 4, "phone", "13900001111");       // 2 persons
        claim(x, "PH2-1", 5, 5, "phone", "13900001111");
        claim(x, "PHD-0", 6, 6, "phone", "13900002222");       // 2 persons, 3 claims
        claim(x, "PHD-1", 7, 7, "phone", "13900002222");
        claim(x, "PHD-2", 6, 6, "phone", "13900002222", "separation_date", "2026-10-15", "application_date", "2026-11-10");
        claim(x, "PHO-0", 8, 8, "phone", "13900003333");       // 2 in scope + 1 out of scope
        claim(x, "PHO-1", 9, 9, "phone", "13900003333");
        claim(x, "PHO-OLD", 10, 10, "phone", "13900003333", "separation_date", "2025-06-01", "application_date", "2025-06-10");
        claim(x, "PHW-0", 11, 11, "phone", "13900004444");     // 2 live + 1 withdrawn
        claim(x, "PHW-1", 12, 12, "phone", "13900004444");
        claim(x, "PHW-WD", 13, 13, "phone", "13900004444", "status", "WITHDRAWN");
        claim(x, "BK3-0", 14, 14, "bank_account", "6222020200112233445");
        claim(x, "BK3-1", 15, 15, "bank_account", "6222 0202 0011 2233 445");
        claim(x, "BK3-2", 16, 16, "bank_account", "6222020200112233445");
        claim(x, "BK2-0", 17, 17, "bank_account", "6222000011112222");
        claim(x, "BK2-1", 18, 18, "bank_account", "6222000011112222");
        for (int i = 0; i < 3; i++) { // phone and account both shared
            claim(x, "BOTH-" + i, 19 + i, 19 + i, "phone", "13700009999", "bank_account", "6217000000000000001");
        }
        // keep the streak rules quiet
        for (int n = 1; n <= 21; n++) {
            months(x, p(n), e(n), "2026-01", "2026-09");
        }

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-06")).isEqualTo(union(ids("PH3-", 0, 3), ids("BK3-", 0, 3), ids("BOTH-", 0, 3)));
        assertThat(s.claim("PH3-1").get("evidence")).contains("NAT-06 联系电话138****5678由3人共用(阈值3人)");
        assertThat(s.claim("BK3-0").get("evidence")).contains("NAT-06 银行账户622************3445由3人共用(阈值3人)");
        assertThat(s.claim("BOTH-0").get("evidence"))
                .contains("NAT-06 联系电话137****9999由3人共用(阈值3人)；NAT-06 银行账户621************0001由3人共用(阈值3人)");
        assertThat(s.claim("BOTH-0").get("severity")).isEqualTo("HIGH");

        List<Map<String, String>> alerts = s.alertsOf("NAT-06");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactlyInAnyOrder("phone 138****5678", "phone 137****9999",
                "bank_account 622************3445", "bank_account 621************0001");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("entity_type", "CONTACT").containsEntry("value", "3")
                .containsEntry("threshold", "3").containsEntry("related_cases", "3").containsEntry("severity", "HIGH"));
        assertThat(alerts).allSatisfy(a -> assertThat(a.get("alert_id")).matches("[0-9a-f]{16}"));

        List<Path> files = new ArrayList<>(List.of(s.outDir().resolve("worklist.csv"), s.outDir().resolve("alerts.csv")));
        try (Stream<Path> split = Files.walk(s.outDir().resolve("by-region"))) {
            split.filter(f -> f.getFileName().toString().equals("worklist.csv")).forEach(files::add);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        assertThat(files).hasSizeGreaterThan(3);
        for (Path file : files) {
            assertThat(text(file)).as(file.toString()).doesNotContain("13812345678", "1234-5678", "13700009999", "6222020200112233445",
                    "6217000000000000001", "0011 2233");
        }
    }

    // ---------------------------------------------------------------- NAT-07

    /** A claim with benefits from 2026-03-15 to {@code end} (blank: open). */
    static String[] drawing(String status, String end) {
        return new String[] {"separation_date", "2026-02-28", "application_date", "2026-03-05", "status", status,
                "decision_date", status.equals("RECEIVED") ? "" : "2026-03-10", "benefit_start", "2026-03-15", "benefit_end", end};
    }

    @Test
    void nat07_flagsAContributionInABenefitMonthAfterTheStartMonth() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2, 3);
        for (int n = 1; n <= 15; n++) {
            months(x, p(n), e(1), "2025-06", "2026-02"); // the old job, up to the separation
        }
        claim(x, "START", 1, 1, drawing("APPROVED", "2026-08-31"));
        months(x, p(1), e(2), "2026-03", "2026-03");     // the start month is left out
        claim(x, "NEXT", 2, 1, drawing("APPROVED", "2026-08-31"));
        months(x, p(2), e(2), "2026-04", "2026-04");
        claim(x, "ENDM", 3, 1, drawing("APPROVED", "2026-08-31"));
        months(x, p(3), e(2), "2026-08", "2026-08");     // the month of benefit_end
        claim(x, "AFTER", 4, 1, drawing("APPROVED", "2026-08-31"));
        months(x, p(4), e(2), "2026-09", "2026-09");     // after benefit_end
        claim(x, "OPEN", 5, 1, drawing("APPROVED", ""));
        months(x, p(5), e(2), "2026-11", "2026-11");     // open end: up to month(D)
        claim(x, "FUT", 6, 1, drawing("APPROVED", ""));
        months(x, p(6), e(2), "2026-12", "2026-12");     // after month(D): ignored
        claim(x, "FUT2", 7, 1, drawing("APPROVED", "2027-05-31"));
        months(x, p(7), e(2), "2026-12", "2026-12");
        claim(x, "RCV", 8, 1, drawing("RECEIVED", "2026-08-31"));
        months(x, p(8), e(2), "2026-04", "2026-04");     // RECEIVED is not tested
        claim(x, "PAY", 9, 1, drawing("PAYING", "2026-08-31"));
        months(x, p(9), e(2), "2026-05", "2026-05");
        claim(x, "SUSP", 10, 1, drawing("SUSPENDED", "2026-08-31"));
        months(x, p(10), e(2), "2026-05", "2026-05");
        claim(x, "END", 11, 1, drawing("ENDED", "2026-08-31"));
        months(x, p(11), e(2), "2026-05", "2026-05");
        claim(x, "NOSTART", 12, 1, "separation_date", "2026-02-28", "application_date", "2026-03-05", "status", "APPROVED",
                "decision_date", "2026-03-10");
        months(x, p(12), e(2), "2026-04", "2026-08");    // no benefit_start: not tested
        claim(x, "MANY", 13, 1, drawing("APPROVED", "2026-08-31"));
        months(x, p(13), e(2), "2026-05", "2026-06");
        months(x, p(13), e(3), "2026-05", "2026-05");
        claim(x, "REJ", 14, 1, drawing("REJECTED", "2026-08-31"));
        months(x, p(14), e(2), "2026-04", "2026-04");
        claim(x, "OLD", 15, 1, "separation_date", "2025-04-30", "application_date", "2025-05-10", "status", "APPROVED",
                "decision_date", "2025-05-20", "benefit_start", "2025-05-15", "benefit_end", "2026-04-30");
        months(x, p(15), e(2), "2026-03", "2026-03");    // out of scope

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("NAT-07")).containsExactlyInAnyOrder("NEXT", "ENDM", "OPEN", "PAY", "SUSP", "END", "MANY");
        assertThat(s.claim("NEXT").get("evidence")).contains("NAT-07 领金期间有缴费记录：2026-04 " + e(2));
        assertThat(s.claim("ENDM").get("evidence")).contains("2026-08 " + e(2));
        assertThat(s.claim("OPEN").get("evidence")).contains("2026-11 " + e(2));
        assertThat(s.claim("MANY").get("evidence")).contains("2026-05 " + e(2), "2026-05 " + e(3), "2026-06 " + e(2));
        assertThat(s.claim("NEXT").get("severity")).isEqualTo("HIGH");
    }

    // ---------------------------------------------------------------- the work list

    @Test
    void worklist_joinsTheRulesOfAClaimAndSortsBySeverityRegionAndClaim() {
        ExtractDir x = new ExtractDir(tmp.resolve("night"));
        employers(x, 1, 2);
        // employer 1: 10 claimants separated the same day, no contributions: LN-02, LN-04, NAT-01, NAT-03
        for (int i = 0; i < 10; i++) {
            claim(x, "M-" + i, i, 1);
        }
        claim(x, "M-WD", 10, 1, "status", "WITHDRAWN"); // withdrawn: not counted, not flagged
        // employer 2: 10 staff who do not claim, so LN-03 stays quiet
        staff(x, e(2), 100, 10, "2026-09");
        String[][] verify = {{"V-3", "210202"}, {"V-1", "210102"}, {"V-2", "130102"}, {"V-0", "210102"}};
        for (int i = 0; i < verify.length; i++) {
            months(x, p(20 + i), e(2), "2026-05", "2026-09"); // 5 months: LN-04 only
            claim(x, verify[i][0], 20 + i, 2, "region_code", verify[i][1]);
        }
        String[][] high = {{"H-2", "210202"}, {"H-1", "210102"}, {"H-3", "130102"}, {"H-0", "210102"}};
        for (int i = 0; i < high.length; i++) {
            months(x, p(30 + i), e(2), "2026-08", "2026-09"); // 2 months: LN-04 and NAT-03
            claim(x, high[i][0], 30 + i, 2, "region_code", high[i][1]);
        }

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        List<String> expected = new ArrayList<>(List.of("H-3", "H-0", "H-1"));
        expected.addAll(ids("M-", 0, 10));
        expected.addAll(List.of("H-2", "V-2", "V-0", "V-1", "V-3"));
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).containsExactlyElementsOf(expected);
        assertThat(s.worklist()).isSortedAccordingTo(Comparator.<Map<String, String>, String>comparing(r -> r.get("severity"))
                .thenComparing(r -> r.get("region_code")).thenComparing(r -> r.get("claim_id")));

        Map<String, String> m = s.claim("M-0");
        assertThat(m).containsEntry("rules", "LN-02|LN-04|NAT-01|NAT-03").containsEntry("severity", "HIGH");
        String[] clauses = m.get("evidence").split("；");
        assertThat(clauses).hasSize(4);
        assertThat(clauses[0]).isEqualTo("LN-02 该单位2026-11申领10人(阈值10人)");
        assertThat(clauses[1]).isEqualTo("LN-04 离职前在最后参保单位无缴费记录(阈值6个月)");
        assertThat(clauses[2]).isEqualTo("NAT-01 该单位2026-09-30至2026-09-30集中离职申领10人(30天内阈值10人)");
        assertThat(clauses[3]).isEqualTo("NAT-03 离职前无缴费记录(阈值3个月)");
        assertThat(s.claim("H-0")).containsEntry("rules", "LN-04|NAT-03").containsEntry("severity", "HIGH");
        assertThat(s.claim("V-0")).containsEntry("rules", "LN-04").containsEntry("severity", "VERIFY");
        assertThat(s.claim("V-0").get("evidence")).isEqualTo("LN-04 在最后参保单位连续缴费5个月，截至2026-09(阈值6个月)");
        assertThat(s.worklist()).allSatisfy(r -> assertThat(r.get("action")).isNotBlank());
        assertThat(s.alertsOf("LN-02")).singleElement().satisfies(a -> assertThat(a).containsEntry("value", "10"));
        assertThat(s.alertsOf("NAT-01")).singleElement().satisfies(a -> assertThat(a).containsEntry("value", "10"));
        // alerts: HIGH first
        assertThat(s.alerts()).extracting(a -> a.get("rule")).containsExactly("NAT-01", "LN-02");
    }

    @Test
    void worklist_leavesTheEmployerNameBlankWhenNoExtractDeliveredTheEmployer() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        employers(x, 1);
        claim(x, "KNOWN", 1, 1);    // no contributions: LN-04 and NAT-03 flag both claims
        claim(x, "UNKNOWN", 2, 2);  // employer 2 is in no extract

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.claim("KNOWN")).containsEntry("employer_name", "测试单位1");
        assertThat(s.claim("UNKNOWN")).containsEntry("employer_name", "").containsEntry("last_employer_id", e(2))
                .containsEntry("rules", "LN-04|NAT-03");
    }

    // ---------------------------------------------------------------- scope and as-of date

    @Test
    void scope_outOfScopeClaimsCountButAreNotFlaggedAndDataAfterTheAsOfDateIsIgnored() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        employers(x, 1, 2);
        // employer 1, month 2025-11: 10 claimants; in scope from D - 365 days = 2025-11-25
        String[] days = {"2025-11-20", "2025-11-20", "2025-11-20", "2025-11-20", "2025-11-24", "2025-11-25", "2025-11-26",
                "2025-11-26", "2025-11-26", "2025-11-26"};
        for (int i = 0; i < days.length; i++) {
            claim(x, "S-" + i, i, 1, "separation_date", "2025-10-31", "application_date", days[i]);
        }
        // employer 2: 9 claims applied on D and 1 the day after
        for (int i = 0; i < 9; i++) {
            claim(x, "A-" + i, 20 + i, 2, "application_date", AS_OF);
        }
        claim(x, "A-LATE", 29, 2, "application_date", "2026-11-26");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-02")).isEqualTo(ids("S-", 5, 10));
        assertThat(s.claim("S-5").get("evidence")).contains("LN-02 该单位2025-11申领10人(阈值10人)");
        assertThat(s.alertsOf("LN-02")).singleElement().satisfies(a -> assertThat(a).containsEntry("value", "10")
                .containsEntry("related_cases", "5").containsEntry("period_start", "2025-11-01").containsEntry("period_end", "2025-11-30"));
        // out of scope: not on the list at all (no contributions: LN-04 would flag every claim in scope)
        assertThat(s.worklist()).extracting(r -> r.get("claim_id")).doesNotContain("S-0", "S-4", "A-LATE");
        assertThat(s.flaggedBy("LN-04")).contains("S-5", "A-0");
        // NAT-01 counts the out-of-scope separations too: 10 persons, the 5 in scope flagged
        assertThat(s.flaggedBy("NAT-01")).isEqualTo(ids("S-", 5, 10));
        assertThat(s.alertsOf("NAT-01")).singleElement().satisfies(a -> assertThat(a).containsEntry("value", "10")
                .containsEntry("related_cases", "5").containsEntry("period_start", "2025-10-31"));
        // A-LATE counts neither for LN-02 (9 < 10) nor for NAT-01 (9 persons separated on one day)
        assertThat(s.flaggedBy("LN-02")).noneMatch(id -> id.startsWith("A-"));
        assertThat(s.flaggedBy("NAT-01")).noneMatch(id -> id.startsWith("A-"));
    }
}
