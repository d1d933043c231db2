package org.fundguard.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;
import static org.fundguard.screening.SubsidyData.app;
import static org.fundguard.screening.SubsidyData.cert;
import static org.fundguard.screening.SubsidyData.certs;
import static org.fundguard.screening.SubsidyData.months;
import static org.fundguard.screening.SubsidyData.p;
import static org.fundguard.screening.SubsidyData.spread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundguard.screening.SubsidyData.Outputs;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skills-upgrading subsidy rules SKL-01..08 at, just below and just above their thresholds,
 * through the real command and the real subsidy work list and alerts, on each database through a
 * subclass. Each test builds one extract set in which several applications, organisations or
 * cities sit at different sides of a threshold. D = 2026-11-25, so in scope is
 * [2025-11-25, 2026-11-25].
 */
abstract class SubsidyRulesTests {

    static final String AS_OF = "2026-11-25";

    @TempDir
    Path tmp;
    String url;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
    }

    /** An extract folder with the required extracts present but empty (the claim rules then flag nothing). */
    ExtractDir night(String name) {
        return new ExtractDir(tmp.resolve(name)).empty(EMPLOYERS).empty(CONTRIBUTIONS).empty(CLAIMS);
    }

    Outputs screen(ExtractDir extracts, String asOf, String... config) {
        extracts.write();
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("screen", "--extracts", extracts.path().toString(), "--as-of", asOf,
                "--out", out.toString()));
        if (config.length > 0) {
            Path file = tmp.resolve("job-" + asOf + "-" + config.length + ".properties");
            try {
                Files.writeString(file, String.join("\n", config) + "\n", StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            args.add("--config");
            args.add(file.toString());
        }
        Cli.Result result = Cli.run(url, args.toArray(String[]::new));
        Outputs outputs = Outputs.read(result.exitCode(), out.resolve(asOf));
        assertThat(result.exitCode()).as("exit code").isZero();
        assertThat(outputs.worklist()).as("rejected applications are never flagged")
                .allSatisfy(r -> assertThat(r.get("status")).isNotEqualTo("REJECTED"));
        assertThat(outputs.worklist()).allSatisfy(r -> assertThat(r.get("severity")).isEqualTo("VERIFY"));
        for (String extract : List.of("subsidies", "certificates", "contributions")) {
            if (Files.exists(extracts.path().resolve(extract + ".csv"))) {
                assertThat(text(out.resolve(asOf).resolve("rejects/" + extract + ".csv")).lines().count()).as(extract + " rejects")
                        .isEqualTo(1);
            }
        }
        return outputs;
    }

    JsonNode summary(Outputs outputs) {
        try {
            return new ObjectMapper().readTree(outputs.outDir().resolve("summary.json").toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode rule(JsonNode summary, String code) {
        for (JsonNode r : summary.get("rules")) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + code + " in the summary");
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // ---------------------------------------------------------------- SKL-01, SKL-02, SKL-05

    @Test
    void skl01_skl02_skl05_lookTheCertificateUpInTheWholeRegistry() {
        ExtractDir x = night("night");
        // the registry: a default row is 6-29-01-01, level 4, issued 2026-03-01 by ORG001 in 210100, VALID
        cert(x, "OK-1");
        cert(x, "REV-1", "status", "REVOKED");
        cert(x, "LVL-1", "level", "3");
        cert(x, "MULTI-1", "person_id", p(2), "occupation_code", "6-29-01-02", "issue_date", "2026-03-02");
        cert(x, "LATE-1", "issue_date", "2026-12-01"); // registry date after the application and after D
        cert(x, "PROV-SAME", "issuing_region_code", "210000");
        cert(x, "PROV-OTHER", "issuing_region_code", "130000");
        cert(x, "CITY-OTHER", "issuing_region_code", "210200");
        cert(x, "REV-2", "status", "REVOKED");
        // applications of person 1, applied in region 210102 (city 2101) on 2026-04-01 unless stated
        app(x, "A-OK", 1, "certificate_no", "OK-1");
        app(x, "A-MISSING", 1, "certificate_no", "NONE-1");
        app(x, "A-REVOKED", 1, "certificate_no", "REV-1");
        app(x, "A-LEVEL", 1, "certificate_no", "LVL-1");
        app(x, "A-MULTI", 1, "certificate_no", "MULTI-1");
        app(x, "A-LATE", 1, "certificate_no", "late-1"); // upper-cased before matching
        app(x, "A-PROV-SAME", 1, "certificate_no", "PROV-SAME");
        app(x, "A-PROV-OTHER", 1, "certificate_no", "PROV-OTHER");
        app(x, "A-CITY-OTHER", 1, "certificate_no", "CITY-OTHER");
        app(x, "A-CITY-SAME", 1, "certificate_no", "OK-1", "region_code", "210106");
        app(x, "A-OTHER-PROV-APP", 1, "certificate_no", "PROV-SAME", "region_code", "220102");
        // rejected, out of scope and after D: never flagged
        app(x, "R-MISSING", 1, "certificate_no", "NONE-2", "status", "REJECTED");
        app(x, "R-REVOKED", 1, "certificate_no", "REV-2", "status", "REJECTED");
        app(x, "R-OUT-OF-REGION", 1, "certificate_no", "PROV-OTHER", "status", "REJECTED");
        app(x, "O-BEFORE", 1, "certificate_no", "NONE-3", "issue_date", "2025-11-01", "application_date", "2025-11-24");
        app(x, "O-FIRST-DAY", 1, "certificate_no", "NONE-4", "issue_date", "2025-11-01", "application_date", "2025-11-25");
        app(x, "O-AFTER", 1, "certificate_no", "NONE-5", "application_date", "2026-11-26");

        Outputs s = screen(x, AS_OF);

        assertThat(s.flaggedBy("SKL-01")).containsExactly("A-MISSING", "O-FIRST-DAY");
        assertThat(s.evidence("A-MISSING", "SKL-01")).isEqualTo("SKL-01 证书NONE-1在技能人才评价工作网证书库中查询不到");
        assertThat(s.flaggedBy("SKL-02")).containsExactly("A-LATE", "A-LEVEL", "A-MULTI", "A-REVOKED");
        assertThat(s.evidence("A-REVOKED", "SKL-02")).isEqualTo("SKL-02 证书库记录不一致：status(证书库REVOKED已撤销)");
        assertThat(s.evidence("A-LEVEL", "SKL-02")).isEqualTo("SKL-02 证书库记录不一致：level(申请4/证书库3)");
        assertThat(s.evidence("A-MULTI", "SKL-02")).isEqualTo("SKL-02 证书库记录不一致：person_id、"
                + "occupation_code(申请6-29-01-01/证书库6-29-01-02)、issue_date(申请2026-03-01/证书库2026-03-02)");
        assertThat(s.application("A-MULTI").get("evidence")).doesNotContain(p(2));
        assertThat(s.evidence("A-LATE", "SKL-02")).isEqualTo("SKL-02 证书库记录不一致：issue_date(申请2026-03-01/证书库2026-12-01)");
        assertThat(s.flaggedBy("SKL-05")).containsExactly("A-CITY-OTHER", "A-OTHER-PROV-APP", "A-PROV-OTHER");
        assertThat(s.evidence("A-PROV-OTHER", "SKL-05")).contains("130000(1300)").contains("210102(2101)");
        assertThat(s.evidence("A-OTHER-PROV-APP", "SKL-05")).contains("210000(2100)").contains("220102(2201)");
        assertThat(s.application("A-MISSING")).containsEntry("severity", "VERIFY").containsEntry("region_code", "210102")
                .containsEntry("certificate_no", "NONE-1").containsEntry("issuing_org_id", "ORG001")
                .containsEntry("issue_date", "2026-03-01").containsEntry("application_date", "2026-04-01")
                .containsEntry("first_flagged_on", AS_OF).containsEntry("is_new", "Y");
        assertThat(s.application("A-MISSING").get("action")).contains("职业技能鉴定部门");
        // (every application here is also an employee's without contributions: SKL-08 flags them, SKL-07 repeats)
        assertThat(s.worklist()).extracting(r -> r.get("application_id")).doesNotContain("R-MISSING", "R-REVOKED",
                "R-OUT-OF-REGION", "O-BEFORE", "O-AFTER");
        assertThat(s.application("A-OK").get("rules")).isEqualTo("SKL-07|SKL-08");
        assertThat(s.application("A-PROV-SAME").get("rules")).isEqualTo("SKL-07|SKL-08");
        assertThat(s.application("A-CITY-SAME").get("rules")).isEqualTo("SKL-07|SKL-08");
    }

    // ---------------------------------------------------------------- SKL-04

    @Test
    void skl04_flagsCertificatesOfAnOrganisationsBurstWeekAndRaisesOneAlertPerRun() {
        ExtractDir x = night("night");
        String t = "2026-06-10";
        certs(x, "A-", 0, 20, "ORG-A", t, "210200");   // 30 in a day: burst (the most frequent region 210200)
        certs(x, "A-", 20, 10, "ORG-A", t, "210100");
        certs(x, "B-", 0, 29, "ORG-B", t, "210100");   // 29: no burst
        certs(x, "C-", 0, 16, "ORG-C", t, "210100");   // 16 + 15 three days later: 31 in the weeks ending 06-13..06-16
        certs(x, "C-", 16, 15, "ORG-C", "2026-06-13", "210100");
        // 30 against a baseline of 130 in the 91 days before: 30 × 91 = 3 × 130 × 7, exactly 3 × base: burst
        certs(x, "D-", 0, 30, "ORG-D", t, "210100");
        spread(x, "D-", 30, "ORG-D", LocalDate.parse("2026-03-11"), LocalDate.parse("2026-05-14"), 2);
        // 30 against 131: just below 3 × base
        certs(x, "E-", 0, 30, "ORG-E", t, "210100");
        int e = spread(x, "E-", 30, "ORG-E", LocalDate.parse("2026-03-11"), LocalDate.parse("2026-05-14"), 2);
        certs(x, "E-", e, 1, "ORG-E", "2026-05-15", "210100");
        // two separate runs; regions tied 30/30: the smaller code
        certs(x, "F-", 0, 30, "ORG-F", "2026-08-01", "210500");
        certs(x, "F-", 30, 30, "ORG-F", "2026-08-21", "210400");
        // runs ending one day before the scope (no alert) and on its first day (alert)
        certs(x, "G-", 0, 30, "ORG-G", "2025-11-18", "210100");
        certs(x, "H-", 0, 30, "ORG-H", "2025-11-19", "210100");
        // a burst on D itself: burst days after D do not exist
        certs(x, "I-", 0, 35, "ORG-I", AS_OF, "210100");

        app(x, "APP-A", 10, "certificate_no", "A-000", "issuing_org_id", "ORG-A", "issue_date", t, "application_date", "2026-07-01");
        app(x, "APP-B", 11, "certificate_no", "B-000", "issuing_org_id", "ORG-B", "issue_date", t, "application_date", "2026-07-01");
        app(x, "APP-C", 12, "certificate_no", "C-000", "issuing_org_id", "ORG-C", "issue_date", t, "application_date", "2026-07-01");
        app(x, "APP-D", 13, "certificate_no", "D-000", "issuing_org_id", "ORG-D", "issue_date", t, "application_date", "2026-07-01");
        app(x, "APP-E", 14, "certificate_no", "E-000", "issuing_org_id", "ORG-E", "issue_date", t, "application_date", "2026-07-01");
        app(x, "APP-F", 15, "certificate_no", "F-040", "issuing_org_id", "ORG-F", "issue_date", "2026-08-21",
                "application_date", "2026-09-01");
        app(x, "APP-H", 16, "certificate_no", "H-000", "issuing_org_id", "ORG-H", "issue_date", "2025-11-19",
                "application_date", "2025-11-25");
        // not in the registry: the application's own organisation and issue date
        app(x, "APP-NOREG", 17, "certificate_no", "NOREG-1", "issuing_org_id", "ORG-A", "issue_date", "2026-06-12",
                "application_date", "2026-07-01");
        // in the registry under ORG-B: the registry wins over the application's ORG-A
        app(x, "APP-REGWINS", 18, "certificate_no", "B-001", "issuing_org_id", "ORG-A", "issue_date", t,
                "application_date", "2026-07-01");
        app(x, "APP-REJ", 19, "certificate_no", "A-001", "issuing_org_id", "ORG-A", "issue_date", t,
                "application_date", "2026-07-01", "status", "REJECTED");
        app(x, "APP-OLD", 20, "certificate_no", "G-000", "issuing_org_id", "ORG-G", "issue_date", "2025-11-18",
                "application_date", "2025-11-24");

        Outputs s = screen(x, AS_OF);

        assertThat(s.flaggedBy("SKL-04")).containsExactly("APP-A", "APP-C", "APP-D", "APP-F", "APP-H", "APP-NOREG");
        assertThat(s.evidence("APP-A", "SKL-04")).isEqualTo("SKL-04 评价机构ORG-A于2026-06-04至2026-06-10(7天)发证30张，"
                + "此前91天发证0张、折合每7天0.00张(阈值30张且不低于基线的3倍)");
        assertThat(s.evidence("APP-C", "SKL-04")).startsWith("SKL-04 评价机构ORG-C于2026-06-07至2026-06-13(7天)发证31张，");
        assertThat(s.evidence("APP-D", "SKL-04")).contains("发证30张，此前91天发证130张、折合每7天10.00张");

        List<Map<String, String>> alerts = s.alertsOf("SKL-04");
        assertThat(alerts).extracting(a -> a.get("entity_id"))
                .containsExactly("ORG-A", "ORG-C", "ORG-D", "ORG-F", "ORG-F", "ORG-H", "ORG-I");
        assertThat(alerts).extracting(a -> a.get("period_start")).containsExactly("2026-06-04", "2026-06-07", "2026-06-04",
                "2026-07-26", "2026-08-15", "2025-11-13", "2026-11-19");
        assertThat(alerts).extracting(a -> a.get("period_end")).containsExactly("2026-06-16", "2026-06-16", "2026-06-16",
                "2026-08-07", "2026-08-27", "2025-11-25", AS_OF);
        assertThat(alerts).extracting(a -> a.get("value")).containsExactly("30", "31", "30", "30", "30", "30", "35");
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("2", "1", "1", "0", "1", "1", "0");
        assertThat(alerts).extracting(a -> a.get("region_code")).containsExactly("210200", "210100", "210100", "210400", "210400",
                "210100", "210100");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("entity_type", "ORG").containsEntry("entity_name", "")
                .containsEntry("severity", "VERIFY").containsEntry("threshold", "30").containsEntry("metric", "certificates_in_window"));

        // factor 3.01: ORG-D's exactly 3 × base no longer bites; a day later ORG-H's run is out of scope
        Outputs tight = screen(x, "2026-11-26", "rule.SKL-04.factor=3.01");

        assertThat(tight.flaggedBy("SKL-04")).containsExactly("APP-A", "APP-C", "APP-F", "APP-NOREG");
        assertThat(tight.alertsOf("SKL-04")).extracting(a -> a.get("entity_id") + " " + a.get("period_start") + ".." + a.get("period_end")
                + " " + a.get("value")).containsExactly("ORG-A 2026-06-04..2026-06-16 30", "ORG-C 2026-06-07..2026-06-16 31",
                        "ORG-F 2026-07-26..2026-08-07 30", "ORG-F 2026-08-15..2026-08-27 30", "ORG-I 2026-11-19..2026-11-26 35");
        assertThat(tight.evidence("APP-A", "SKL-04")).endsWith("(阈值30张且不低于基线的3.01倍)");
    }

    // ---------------------------------------------------------------- SKL-03, SKL-07

    @Test
    void skl03_skl07_flagMisfitsAtTheConfiguredSegmentsAndEveryDuplicateButTheEarliest() {
        ExtractDir x = night("night");
        // SKL-03 (certificate 6-29-01-01; each application its own person and certificate)
        app(x, "FIT", 1, "certificate_no", "C-FIT", "job_occupation_code", "6-29-02-03");
        app(x, "FIT3", 2, "certificate_no", "C-FIT3", "job_occupation_code", "6-29-01-05");
        app(x, "MISFIT", 3, "certificate_no", "C-MISFIT", "job_occupation_code", "6-30-01-01");
        app(x, "MAJOR", 4, "certificate_no", "C-MAJOR", "job_occupation_code", "4-29-01-01");
        app(x, "CLAIMANT", 5, "certificate_no", "C-CLAIMANT", "job_occupation_code", "6-30-01-01", "applicant_type", "CLAIMANT",
                "employer_id", "");
        app(x, "NOJOB", 6, "certificate_no", "C-NOJOB");
        app(x, "R-MISFIT", 7, "certificate_no", "C-RMISFIT", "job_occupation_code", "6-30-01-01", "status", "REJECTED");
        // SKL-07: one certificate, two applications (different persons)
        app(x, "DUP-C1", 30, "certificate_no", "C-X", "application_date", "2026-05-01");
        app(x, "DUP-C2", 31, "certificate_no", "C-X", "application_date", "2026-06-01");
        // same day: application_id in code-point order ("TIE-10" < "TIE-9")
        app(x, "TIE-9", 32, "certificate_no", "C-T", "application_date", "2026-05-01");
        app(x, "TIE-10", 34, "certificate_no", "C-T", "application_date", "2026-05-01");
        // one person, same occupation and level, two certificates; a third at another level
        app(x, "PP-1", 33, "certificate_no", "C-P1", "application_date", "2026-03-01");
        app(x, "PP-2", 33, "certificate_no", "C-P2", "application_date", "2026-04-01");
        app(x, "PP-3", 33, "certificate_no", "C-P3", "application_date", "2026-05-01", "level", "3");
        // a rejected earlier application does not count
        app(x, "RJ-1", 35, "certificate_no", "C-R", "application_date", "2026-03-01", "status", "REJECTED");
        app(x, "RJ-2", 36, "certificate_no", "C-R", "application_date", "2026-04-01");
        // an out-of-scope earlier application counts but is not flagged
        app(x, "OS-1", 37, "certificate_no", "C-O", "issue_date", "2025-05-01", "application_date", "2025-06-01");
        app(x, "OS-2", 38, "certificate_no", "C-O", "application_date", "2026-06-01");
        // a later application after D: neither counted nor flagged
        app(x, "AD-1", 39, "certificate_no", "C-A", "application_date", "2026-11-20");
        app(x, "AD-2", 40, "certificate_no", "C-A", "application_date", "2026-11-26");
        // a rejected duplicate is not flagged
        app(x, "DUP-REJ", 41, "certificate_no", "C-X", "application_date", "2026-07-01", "status", "REJECTED");

        Outputs s = screen(x, AS_OF);

        assertThat(s.flaggedBy("SKL-03")).containsExactly("MAJOR", "MISFIT");
        assertThat(s.evidence("MISFIT", "SKL-03"))
                .isEqualTo("SKL-03 证书职业6-29-01-01与岗位职业6-30-01-01前2段不一致(证书6-29/岗位6-30)");
        assertThat(s.flaggedBy("SKL-07")).containsExactly("DUP-C2", "OS-2", "PP-2", "TIE-9");
        assertThat(s.evidence("DUP-C2", "SKL-07")).isEqualTo("SKL-07 证书C-X已用于申请DUP-C1(2026-05-01)");
        assertThat(s.evidence("TIE-9", "SKL-07")).isEqualTo("SKL-07 证书C-T已用于申请TIE-10(2026-05-01)");
        assertThat(s.evidence("PP-2", "SKL-07")).isEqualTo("SKL-07 同一人同职业6-29-01-01同等级(4级)已有申请PP-1(2026-03-01)");
        assertThat(s.evidence("OS-2", "SKL-07")).isEqualTo("SKL-07 证书C-O已用于申请OS-1(2025-06-01)");

        // three segments: 6-29-02 and 6-29-01 now differ
        Outputs three = screen(x, "2026-11-26", "rule.SKL-03.segments=3");

        assertThat(three.flaggedBy("SKL-03")).containsExactly("FIT", "MAJOR", "MISFIT");
        assertThat(three.evidence("FIT", "SKL-03")).isEqualTo("SKL-03 证书职业6-29-01-01与岗位职业6-29-02-03前3段不一致(证书6-29-01/岗位6-29-02)");
    }

    // ---------------------------------------------------------------- SKL-08

    @Test
    void skl08_flagsLateApplicationsShortInsuranceAndTheFourthApplicationOfAYear() {
        ExtractDir x = night("night");
        // late: issue + 12 months (clamped) is still in time (claimants: no insurance condition)
        app(x, "L-EXACT", 1, "applicant_type", "CLAIMANT", "certificate_no", "C-L1", "issue_date", "2025-03-01",
                "application_date", "2026-03-01");
        app(x, "L-LATE", 2, "applicant_type", "CLAIMANT", "certificate_no", "C-L2", "issue_date", "2025-03-01",
                "application_date", "2026-03-02");
        app(x, "L-END", 3, "applicant_type", "CLAIMANT", "certificate_no", "C-L3", "issue_date", "2025-01-31",
                "application_date", "2026-01-31");
        app(x, "L-END-LATE", 4, "applicant_type", "CLAIMANT", "certificate_no", "C-L4", "issue_date", "2025-01-31",
                "application_date", "2026-02-01");
        // 2024-02-29 + 12 months = 2025-02-28 (screened below as of 2025-06-30; out of scope as of D)
        app(x, "LEAP-OK", 5, "applicant_type", "CLAIMANT", "certificate_no", "C-L5", "issue_date", "2024-02-29",
                "application_date", "2025-02-28");
        app(x, "LEAP-LATE", 6, "applicant_type", "CLAIMANT", "certificate_no", "C-L6", "issue_date", "2024-02-29",
                "application_date", "2025-03-01");
        app(x, "L-REJ", 7, "applicant_type", "CLAIMANT", "certificate_no", "C-L7", "issue_date", "2025-01-01",
                "application_date", "2026-03-02", "status", "REJECTED");
        // insured months before the application month (employees)
        String employer = Ids.employer(1);
        String other = Ids.employer(2);
        app(x, "INS-12", 60, "certificate_no", "C-I1", "issue_date", "2026-03-01", "application_date", "2026-03-15");
        months(x, 60, employer, "2025-03", "2026-02");
        app(x, "INS-11", 61, "certificate_no", "C-I2", "issue_date", "2026-03-01", "application_date", "2026-03-15");
        months(x, 61, employer, "2025-04", "2026-03"); // 11 before March 2026, the March one does not count
        months(x, 61, other, "2025-05", "2025-05");    // a second employer in the same period counts once
        app(x, "INS-CLAIMANT", 62, "applicant_type", "CLAIMANT", "employer_id", "", "certificate_no", "C-I3",
                "issue_date", "2026-03-01", "application_date", "2026-03-15");
        app(x, "MULTI", 63, "certificate_no", "C-M", "issue_date", "2025-01-01", "application_date", "2026-02-02");
        // the fourth application of a calendar year (different certificates and occupations)
        String[] occupations = {"6-29-01-01", "6-29-01-02", "6-29-01-03", "6-29-01-04", "6-29-01-05"};
        String[] dates = {"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"};
        for (int i = 0; i < 4; i++) {
            app(x, "Y-" + (i + 1), 70, "applicant_type", "CLAIMANT", "certificate_no", "C-Y" + i, "occupation_code", occupations[i],
                    "issue_date", "2026-01-15", "application_date", dates[i]);
            app(x, "R-" + (i + 1), 72, "applicant_type", "CLAIMANT", "certificate_no", "C-R" + i, "occupation_code", occupations[i],
                    "issue_date", "2026-01-15", "application_date", dates[i], "status", i == 1 ? "REJECTED" : "RECEIVED");
        }
        // three in 2026 and one in December 2025: nothing
        app(x, "W-0", 71, "applicant_type", "CLAIMANT", "certificate_no", "C-W0", "occupation_code", occupations[4],
                "issue_date", "2025-11-15", "application_date", "2025-12-01");
        for (int i = 0; i < 3; i++) {
            app(x, "W-" + (i + 1), 71, "applicant_type", "CLAIMANT", "certificate_no", "C-W" + (i + 1),
                    "occupation_code", occupations[i], "issue_date", "2026-01-15", "application_date", dates[i]);
        }
        // a tie on the fourth place: application_id decides ("Z-10" before "Z-9")
        for (int i = 0; i < 2; i++) {
            app(x, "Z-" + (i + 1), 73, "applicant_type", "CLAIMANT", "certificate_no", "C-Z" + i, "occupation_code", occupations[i],
                    "issue_date", "2026-01-15", "application_date", dates[i]);
        }
        app(x, "Z-9", 73, "applicant_type", "CLAIMANT", "certificate_no", "C-Z9", "occupation_code", occupations[2],
                "issue_date", "2026-01-15", "application_date", "2026-06-01");
        app(x, "Z-10", 73, "applicant_type", "CLAIMANT", "certificate_no", "C-Z10", "occupation_code", occupations[3],
                "issue_date", "2026-01-15", "application_date", "2026-06-01");
        // three out-of-scope applications of 2025 count: the in-scope fourth is flagged
        String[] year2025 = {"2025-03-01", "2025-06-01", "2025-09-01", "2025-12-01"};
        for (int i = 0; i < 4; i++) {
            app(x, "V-" + (i + 1), 74, "applicant_type", "CLAIMANT", "certificate_no", "C-V" + i, "occupation_code", occupations[i],
                    "issue_date", "2025-02-15", "application_date", year2025[i]);
        }

        Outputs s = screen(x, AS_OF);

        assertThat(s.flaggedBy("SKL-08")).containsExactly("INS-11", "L-END-LATE", "L-LATE", "MULTI", "V-4", "Y-4", "Z-9");
        assertThat(s.evidence("L-LATE", "SKL-08"))
                .isEqualTo("SKL-08 不符合补贴条件：超过发证后12个月申请(发证2025-03-01、期限2026-03-01、申请2026-03-02)");
        assertThat(s.evidence("INS-11", "SKL-08")).isEqualTo("SKL-08 不符合补贴条件：申请前参保缴费11个月(阈值12个月)");
        assertThat(s.evidence("Y-4", "SKL-08")).isEqualTo("SKL-08 不符合补贴条件：2026年第4次申请(阈值每年3次)");
        assertThat(s.evidence("MULTI", "SKL-08")).isEqualTo("SKL-08 不符合补贴条件：超过发证后12个月申请(发证2025-01-01、"
                + "期限2026-01-01、申请2026-02-02)，申请前参保缴费0个月(阈值12个月)");

        Outputs leap = screen(x, "2025-06-30");

        assertThat(leap.flaggedBy("SKL-08")).contains("LEAP-LATE").doesNotContain("LEAP-OK");
        assertThat(leap.evidence("LEAP-LATE", "SKL-08")).contains("期限2025-02-28");
    }

    // ---------------------------------------------------------------- SKL-06

    /** One PAID application per month {@code from..to} of {@code amount} in {@code region}, paid on the 15th. */
    static int paidMonths(ExtractDir x, String prefix, int person, String region, String from, String to, String amount) {
        int n = 0;
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            paid(x, prefix + m, person, region, m.atDay(15).toString(), amount);
            n++;
        }
        return n;
    }

    static void paid(ExtractDir x, String id, int person, String region, String paidDate, String amount) {
        LocalDate paid = LocalDate.parse(paidDate);
        app(x, id, person, "applicant_type", "CLAIMANT", "employer_id", "", "region_code", region, "certificate_no", "C-" + id,
                "issue_date", paid.minusDays(20).toString(), "application_date", paid.minusDays(10).toString(), "amount", amount,
                "status", "PAID", "paid_date", paidDate);
    }

    @Test
    void skl06_alertsACityWhosePaidAmountReachesOneAndAHalfTimesItsBaselineAndGrowsByFiftyThousand() {
        ExtractDir x = night("night");
        // 2101: 100000 a month, then 150000 (two payments): exactly 1.5 × base and + 50000
        paidMonths(x, "K1-", 1, "210102", "2025-09", "2026-10", "100000.00");
        paid(x, "K1-NOV-A", 1, "210102", "2026-11-02", "75000.00");
        paid(x, "K1-NOV-B", 1, "210102", "2026-11-25", "75000.00");
        app(x, "K1-NOT-PAID", 1, "region_code", "210102", "amount", "1000000.00", "issue_date", "2026-11-01",
                "application_date", "2026-11-03", "paid_date", "2026-11-05"); // RECEIVED: not paid
        // 2102: one cent short (a payment after D does not count)
        paidMonths(x, "K2-", 2, "210202", "2025-09", "2026-10", "100000.00");
        paid(x, "K2-NOV", 2, "210202", "2026-11-20", "149999.99");
        paid(x, "K2-AFTER", 2, "210202", "2026-11-26", "1.00");
        // 2103: 10 a month, then 50010: + 50000 exactly
        paidMonths(x, "K3-", 3, "210302", "2025-09", "2026-10", "10.00");
        paid(x, "K3-NOV", 3, "210302", "2026-11-20", "50010.00");
        // 2104: one cent short of + 50000
        paidMonths(x, "K4-", 4, "210402", "2025-09", "2026-10", "10.00");
        paid(x, "K4-NOV", 4, "210402", "2026-11-20", "50009.99");
        // 2105: the first month of the window; 2106: the month before it
        paid(x, "K5-DEC", 5, "210502", "2025-12-15", "60000.00");
        paid(x, "K6-NOV", 6, "210602", "2025-11-15", "60000.00");
        // 2107: factor × base = 1.5 × 300.01 / 3 = 150.005 exactly
        paid(x, "K7-AUG", 7, "210702", "2026-08-15", "100.00");
        paid(x, "K7-SEP", 7, "210702", "2026-09-15", "100.00");
        paid(x, "K7-OCT", 7, "210702", "2026-10-15", "100.01");
        paid(x, "K7-NOV", 7, "210702", "2026-11-15", "60000.00");

        Outputs s = screen(x, AS_OF);

        List<Map<String, String>> alerts = s.alertsOf("SKL-06");
        assertThat(alerts).extracting(a -> a.get("entity_id")).containsExactly("210100", "210300", "210500", "210700");
        assertThat(alerts).extracting(a -> a.get("value")).containsExactly("150000.00", "50010.00", "60000.00", "60000.00");
        assertThat(alerts).extracting(a -> a.get("threshold")).containsExactly("150000.00", "15.00", "0.00", "150.005");
        assertThat(alerts).extracting(a -> a.get("related_cases")).containsExactly("2", "1", "1", "1");
        assertThat(alerts).extracting(a -> a.get("period_start")).containsExactly("2026-11-01", "2026-11-01", "2025-12-01",
                "2026-11-01");
        assertThat(alerts).extracting(a -> a.get("period_end")).containsExactly("2026-11-30", "2026-11-30", "2025-12-31",
                "2026-11-30");
        assertThat(alerts).allSatisfy(a -> assertThat(a).containsEntry("entity_type", "REGION").containsEntry("severity", "VERIFY")
                .containsEntry("region_code", a.get("entity_id")).containsEntry("entity_name", ""));
        assertThat(s.flaggedBy("SKL-06")).isEmpty();
    }

    // ---------------------------------------------------------------- availability of the registry

    @Test
    void registryRulesAreSkippedUntilACertificatesFileHasBeenLoaded() {
        ExtractDir x = night("night");
        app(x, "S-MISSING", 1, "certificate_no", "NONE-1", "job_occupation_code", "6-30-01-01");

        Outputs first = screen(x, AS_OF);

        JsonNode summary = summary(first);
        for (String code : List.of("SKL-01", "SKL-02", "SKL-04", "SKL-05")) {
            assertThat(rule(summary, code).get("skipped").asText()).as(code).contains("certificates.csv");
            assertThat(rule(summary, code).has("flagged")).isFalse();
        }
        for (String code : List.of("SKL-03", "SKL-06", "SKL-07", "SKL-08")) {
            assertThat(rule(summary, code).has("skipped")).as(code).isFalse();
        }
        assertThat(rule(summary, "SKL-03").get("flagged").asInt()).isEqualTo(1);
        assertThat(rule(summary, "SKL-04").get("parameters").get("factor").asText()).isEqualTo("3");
        assertThat(rule(summary, "SKL-06").get("parameters").get("min_increase").asText()).isEqualTo("50000");
        assertThat(first.flaggedBy("SKL-01")).isEmpty();
        assertThat(first.flaggedBy("SKL-03")).containsExactly("S-MISSING");

        ExtractDir next = night("night2");
        cert(next, "OTHER-1");
        Outputs second = screen(next, "2026-11-26");

        assertThat(rule(summary(second), "SKL-01").get("flagged").asInt()).isEqualTo(1);
        assertThat(second.flaggedBy("SKL-01")).containsExactly("S-MISSING");
        assertThat(second.application("S-MISSING")).containsEntry("rules", "SKL-01|SKL-03|SKL-08").containsEntry("first_flagged_on", AS_OF)
                .containsEntry("is_new", "N");
    }
}
