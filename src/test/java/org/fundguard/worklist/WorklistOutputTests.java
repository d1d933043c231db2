package org.fundguard.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.fundguard.support.Screened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * worklist.csv and alerts.csv as the offices get them: Excel conventions, the by-region split,
 * byte-identical reruns, first_flagged_on and is_new across nights.
 */
abstract class WorklistOutputTests {

    @TempDir
    Path tmp;
    String url;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
    }

    Screened screen(Path extracts, String asOf) {
        Path out = tmp.resolve("out");
        Cli.Result result = Cli.run(url, "screen", "--extracts", extracts.toString(), "--as-of", asOf, "--out", out.toString());
        return Screened.read(result.exitCode(), out.resolve(asOf));
    }

    /** Ten claims of one employer in October 2026 (LN-02 fires), one with a hostile name, in two districts. */
    ExtractDir night(Path dir) {
        ExtractDir x = new ExtractDir(dir).row(EMPLOYERS, "employer_id", Ids.employer(5), "employer_name", "沈阳\"红星\", 机械厂");
        for (int i = 0; i < 10; i++) {
            x.row(CLAIMS, "claim_id", "K" + i, "person_id", Ids.person(i), "last_employer_id", Ids.employer(5),
                    "region_code", i % 2 == 0 ? "210102" : "210103", "application_date", "2026-10-1" + i,
                    "person_name", i == 3 ? "=HYPERLINK(\"http://x\")" : "张" + i);
            for (int m = 1; m <= 9; m++) {
                x.row(CONTRIBUTIONS, "person_id", Ids.person(i), "employer_id", Ids.employer(5), "period", "2026-0" + m);
            }
        }
        return x;
    }

    @Test
    void theWorklistOpensInExcelWithChineseIntactAndFormulasNeutralised() throws Exception {
        ExtractDir x = night(tmp.resolve("night")).write();

        Screened s = screen(x.path(), "2026-11-25");

        assertThat(s.exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(s.outDir().resolve("worklist.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain(",=HYPERLINK");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(s.flaggedBy("LN-02")).hasSize(10);
        Map<String, String> k3 = s.claim("K3");
        assertThat(k3.get("person_name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(k3.get("employer_name")).isEqualTo("沈阳\"红星\", 机械厂");
        assertThat(k3.get("evidence")).contains("该单位2026-10申领10人");
        assertThat(k3.get("review_deadline")).isEqualTo("2026-10-27"); // 10-13 + 10 working days
        assertThat(k3.get("first_flagged_on")).isEqualTo("2026-11-25");
        assertThat(k3.get("is_new")).isEqualTo("Y");
        assertThat(s.worklist()).extracting(r -> r.get("region_code") + "/" + r.get("claim_id"))
                .containsExactly("210102/K0", "210102/K2", "210102/K4", "210102/K6", "210102/K8",
                        "210103/K1", "210103/K3", "210103/K5", "210103/K7", "210103/K9");
        List<Map<String, String>> office = Screened.csv(s.outDir().resolve("by-region/210103/worklist.csv"));
        assertThat(office).extracting(r -> r.get("claim_id")).containsExactly("K1", "K3", "K5", "K7", "K9");
        assertThat(office.get(1)).isEqualTo(k3);
    }

    @Test
    void aRerunOfTheSameDateIsByteIdenticalAndASecondNightKeepsFirstFlaggedOn() throws Exception {
        ExtractDir x = night(tmp.resolve("night")).write();
        Screened first = screen(x.path(), "2026-11-25");
        byte[] worklist = Files.readAllBytes(first.outDir().resolve("worklist.csv"));
        byte[] alerts = Files.readAllBytes(first.outDir().resolve("alerts.csv"));

        Screened rerun = screen(x.path(), "2026-11-25");

        assertThat(rerun.exitCode()).isZero();
        assertThat(Files.readAllBytes(rerun.outDir().resolve("worklist.csv"))).isEqualTo(worklist);
        assertThat(Files.readAllBytes(rerun.outDir().resolve("alerts.csv"))).isEqualTo(alerts);
        JsonNode summary = new ObjectMapper().readTree(rerun.outDir().resolve("summary.json").toFile());
        assertThat(summary.get("rerun").asInt()).isEqualTo(1);

        ExtractDir next = new ExtractDir(tmp.resolve("night2")).empty(EMPLOYERS).empty(CONTRIBUTIONS)
                .row(CLAIMS, "claim_id", "K10", "person_id", Ids.person(10), "last_employer_id", Ids.employer(5),
                        "application_date", "2026-10-25", "region_code", "210102").write();
        for (int m = 1; m <= 9; m++) {
            next.row(CONTRIBUTIONS, "person_id", Ids.person(10), "employer_id", Ids.employer(5), "period", "2026-0" + m);
        }
        next.write();
        Screened second = screen(next.path(), "2026-11-26");

        assertThat(second.exitCode()).isZero();
        assertThat(second.flaggedBy("LN-02")).hasSize(11);
        assertThat(second.claim("K0")).containsEntry("first_flagged_on", "2026-11-25").containsEntry("is_new", "N");
        assertThat(second.claim("K10")).containsEntry("first_flagged_on", "2026-11-26").containsEntry("is_new", "Y");
        assertThat(second.alertsOf("LN-02")).singleElement().satisfies(a -> {
            assertThat(a.get("value")).isEqualTo("11");
            assertThat(a.get("first_raised_on")).isEqualTo("2026-11-25");
            assertThat(a.get("is_new")).isEqualTo("N");
            assertThat(a.get("alert_id")).isEqualTo(first.alertsOf("LN-02").get(0).get("alert_id")).matches("[0-9a-f]{16}");
        });
    }

    @Test
    void theSummaryGivesPerRuleCountsAndEffectiveParameters() throws Exception {
        ExtractDir x = night(tmp.resolve("night")).write();
        Path config = tmp.resolve("tight.properties");
        Files.writeString(config, "rule.LN-02.min_claimants=11\nrule.NAT-06.enabled=false\n");

        Path out = tmp.resolve("out");
        Cli.Result result = Cli.run(url, "screen", "--extracts", x.path().toString(), "--as-of", "2026-11-25", "--out",
                out.toString(), "--config", config.toString());

        assertThat(result.exitCode()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("2026-11-25/summary.json").toFile());
        JsonNode ln02 = rule(summary, "LN-02");
        assertThat(ln02.get("flagged").asInt()).isZero();
        assertThat(ln02.get("parameters").get("min_claimants").asText()).isEqualTo("11");
        assertThat(rule(summary, "NAT-06").get("skipped").asText()).contains("disabled");
        assertThat(summary.get("parameters").get("rule.LN-02.min_claimants").asText()).isEqualTo("11");
        assertThat(summary.get("outputs").toString()).contains("worklist.csv").contains("alerts.csv");
    }

    @Test
    void aMisspeltParameterStopsTheRunWithExit2() throws Exception {
        ExtractDir x = night(tmp.resolve("night")).write();
        Path config = tmp.resolve("typo.properties");
        Files.writeString(config, "rule.LN-02.min_claimant=11\n");

        Cli.Result result = Cli.run(url, "screen", "--extracts", x.path().toString(), "--as-of", "2026-11-25", "--out",
                tmp.resolve("out").toString(), "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("rule.LN-02.min_claimant");
    }

    @Test
    void aYearTheCalendarLacksStopsTheRunWithExit2NamingTheYear() throws Exception {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).row(EMPLOYERS).empty(CONTRIBUTIONS)
                .row(CLAIMS, "separation_date", "2027-01-02", "application_date", "2027-01-05").write();

        Cli.Result result = Cli.run(url, "screen", "--extracts", x.path().toString(), "--as-of", "2027-01-10", "--out",
                tmp.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("2027");
    }

    static JsonNode rule(JsonNode summary, String code) {
        for (JsonNode r : summary.get("rules")) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError(code);
    }
}
