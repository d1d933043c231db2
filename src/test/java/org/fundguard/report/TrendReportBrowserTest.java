package org.fundguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.SUBSIDIES;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.fundguard.support.Databases;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real command writes trend/report.html from 24 months of sample data (four
 * cities, earlier nights' flags and alerts, an SKL-06 surge), Debian's headless Chromium opens it
 * with no network, takes a screenshot and dumps the rendered DOM; the page must have loaded
 * without errors and every chart must have drawn its lines. Without Chromium the test is skipped
 * with the reason (JUnit assumption), never passed.
 *
 * <p>The screenshot and the page are kept in {@code target/trend-report-screenshot/} for a person
 * to look at.
 */
class TrendReportBrowserTest {

    static final String D = "2026-11-25";
    static final Path KEEP = Path.of("target", "trend-report-screenshot");
    static final String[] REGIONS = {"210102", "210202", "210302", "211402"};
    static final int TIMEOUT_SECONDS = 90;

    @TempDir
    Path tmp;

    /**
     * /usr/bin/chromium, or chromium / chromium-browser on PATH; null when there is none. The system
     * property {@code fundguard.chromium} names another executable ({@code none}: behave as on a
     * machine without Chromium).
     */
    static Path chromium() {
        String forced = System.getProperty("fundguard.chromium");
        if (forced != null) {
            Path p = Path.of(forced.isBlank() ? "none" : forced);
            return Files.isExecutable(p) ? p : null;
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    @Test
    void reportOpensInHeadlessChromiumWithoutErrorsAndEveryChartDrawsItsLines() throws Exception {
        Path chromium = chromium();
        if (chromium == null) {
            String reason = "chromium not installed: no executable "
                    + (System.getProperty("fundguard.chromium") != null ? System.getProperty("fundguard.chromium") + " (-Dfundguard.chromium)"
                    : "/usr/bin/chromium, chromium or chromium-browser on PATH")
                    + "; the browser test of trend/report.html did not run (Debian: apt-get install -y chromium; .ci/run installs it)";
            System.err.println("SKIPPED TrendReportBrowserTest: " + reason); // surefire's console shows only the count
            assumeTrue(false, reason);
        }

        Path html = sampleReport();
        String url = html.toUri().toString();
        assertThat(url).startsWith("file:/");

        // 1. the screenshot
        Path png = tmp.resolve("report.png");
        Result shot = run(chromium, List.of("--screenshot=" + png, "--window-size=1280,6400", "--hide-scrollbars", url), "screenshot");
        assertThat(shot.exitCode()).as("chromium --screenshot exit code; stderr:\n" + shot.stderr()).isZero();
        assertThat(png).exists();
        assertThat(Files.size(png)).as("screenshot size").isGreaterThan(40_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertPainted(image);

        // 2. the rendered DOM, with the console on standard error
        Result dom = run(chromium, List.of("--dump-dom", "--enable-logging=stderr", "--v=0", url), "dump-dom");
        assertThat(dom.exitCode()).as("chromium --dump-dom exit code; stderr:\n" + dom.stderr()).isZero();
        String rendered = dom.stdout();
        assertThat(rendered).as("the page loaded").contains("<h1>失业保险基金运行趋势报告</h1>").contains("</html>");
        assertThat(rendered).doesNotContain("ERR_FILE_NOT_FOUND").doesNotContain("ERR_ACCESS_DENIED")
                .doesNotContain("This page has been blocked").doesNotContain("NaN").doesNotContain("undefined")
                .doesNotContain("Infinity");
        // SVG attribute errors (a bad "points" list) and script errors are reported on the console
        for (String line : dom.stderr().split("\n")) {
            assertThat(line).as("console").doesNotContain("CONSOLE(").doesNotContain("Uncaught")
                    .doesNotContain("Error: <polyline>").doesNotContain("Error: <circle>");
        }

        Map<String, Map<String, Integer>> charts = TrendReportTests.seriesPoints(rendered);
        assertThat(charts.keySet()).as("every chart is in the rendered page").containsExactlyElementsOf(TrendPage.CHART_IDS);
        charts.forEach((id, series) -> assertThat(series).as(id + " drew lines").isNotEmpty());
        Matcher points = Pattern.compile("<polyline class=\"series\" data-series=\"[^\"]*\" points=\"([^\"]*)\"").matcher(rendered);
        int lines = 0;
        while (points.find()) {
            lines++;
            String[] pairs = points.group(1).trim().split(" ");
            assertThat(pairs.length).as("points of a line").isGreaterThanOrEqualTo(2);
            for (String pair : pairs) {
                assertThat(pair).matches("-?[0-9]+(\\.[0-9])?,-?[0-9]+(\\.[0-9])?");
            }
        }
        // claims 4 + cities 4 + flags 1+5 + share 1+4 + subsidy 2 + paid 1 + city paid 4 + alerts 4 = 30
        assertThat(lines).isEqualTo(30);
        assertThat(charts.get("chart-claims")).containsEntry("申领受理数", 24).containsEntry("超期决定数", 24);
        assertThat(TrendReportTests.count(rendered, "<circle class=\"marker\"")).as("SKL-06 surge markers").isGreaterThanOrEqualTo(2);

        // keep the evidence for a person
        Files.createDirectories(KEEP);
        Files.copy(png, KEEP.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(html, KEEP.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(KEEP.resolve("rendered-dom.html"), rendered, StandardCharsets.UTF_8);
    }

    /** Not one colour: the page has text and coloured lines on white. */
    static void assertPainted(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        long notWhite = 0;
        long samples = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                samples++;
                if (rgb != 0xFFFFFF) {
                    notWhite++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(50);
        assertThat(notWhite * 100 / samples).as("percent of the screenshot that is not white").isGreaterThanOrEqualTo(2);
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs headless Chromium with no network, a fresh profile, and a time limit. */
    Result run(Path chromium, List<String> args, String name) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(tmp.resolve("profile-" + name));
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--disable-breakpad", "--disable-domain-reliability", "--metrics-recording-only",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium (" + name + ") did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- sample data

    /**
     * 24 months of claims and subsidy applications in four cities with a mild seasonal pattern, a
     * cluster of LN-02 in 2026-09, earlier nights' flags of several rules and alerts, and an SKL-06
     * surge of 大连 in 2026-06; the real command runs twice (before and after the planting).
     */
    Path sampleReport() throws Exception {
        String db = Databases.h2(tmp.resolve("db"));
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        List<String[]> claimFlags = new ArrayList<>();
        List<String[]> subsidyFlags = new ArrayList<>();
        List<String[]> alerts = new ArrayList<>();
        LocalDate asOf = LocalDate.parse(D);
        YearMonth first = YearMonth.from(asOf).minusMonths(23);
        int seq = 0;
        for (int i = 0; i < 24; i++) {
            YearMonth ym = first.plusMonths(i);
            int lastDay = ym.equals(YearMonth.from(asOf)) ? asOf.getDayOfMonth() : ym.lengthOfMonth();
            String night = ym.plusMonths(1).atDay(1).isAfter(asOf) ? "2026-11-24" : ym.plusMonths(1).atDay(1).toString();
            for (int k = 0; k < REGIONS.length; k++) {
                String region = REGIONS[k];
                int claims = new int[] {16, 11, 7, 4}[k] + (i * (k + 1)) % 5 + i / 5 + (ym.getMonthValue() <= 2 ? 4 : 0);
                for (int j = 0; j < claims; j++) {
                    seq++;
                    String id = "C" + seq;
                    LocalDate applied = ym.atDay(1 + (j * 7 + k) % lastDay);
                    String status;
                    LocalDate decided = applied.plusDays(4 + (j * 5 + i) % 14);
                    if (j % 17 == 16) {
                        status = "WITHDRAWN";
                        decided = null;
                    } else if (decided.isAfter(asOf) || j % 10 == 9) {
                        status = "RECEIVED";
                        decided = null;
                    } else {
                        status = j % 7 == 3 ? "REJECTED" : j % 5 == 1 ? "PAYING" : j % 11 == 2 ? "ENDED" : "APPROVED";
                    }
                    List<String> row = new ArrayList<>(List.of("claim_id", id,
                            "person_id", Ids.person(region, String.format("%04d%02d%02d", 1970 + seq % 30, 1 + seq % 12, 1 + seq % 28), seq % 1000),
                            "person_name", "样例" + seq, "region_code", region, "last_employer_id", Ids.employer(region, seq),
                            "separation_date", applied.minusDays(15).toString(), "application_date", applied.toString(),
                            "status", status));
                    if (decided != null) {
                        row.addAll(List.of("decision_date", decided.toString()));
                    }
                    x.row(CLAIMS, row.toArray(String[]::new));
                    if (!status.equals("WITHDRAWN")) {
                        String rule = j % 9 == 4 ? "LN-04" : j % 13 == 6 ? "NAT-03" : j % 19 == 7 ? "NAT-06" : j % 23 == 8 ? "NAT-07" : null;
                        if (rule != null && i >= 12) {
                            claimFlags.add(new String[] {night, id, rule});
                        }
                    }
                }
                int apps = 2 + (i + k) % 4 + (k == 1 && i == 18 ? 30 : 0);
                for (int j = 0; j < apps; j++) {
                    seq++;
                    String id = "S" + seq;
                    LocalDate applied = ym.atDay(1 + (j * 5 + k) % lastDay);
                    LocalDate paid = applied.plusDays(12);
                    boolean isPaid = !paid.isAfter(asOf) && j % 6 != 5;
                    List<String> row = new ArrayList<>(List.of("application_id", id,
                            "person_id", Ids.person(region, String.format("%04d%02d%02d", 1975 + seq % 20, 1 + seq % 12, 1 + seq % 28), seq % 1000),
                            "applicant_type", "CLAIMANT", "employer_id", "", "region_code", region, "certificate_no", "SC" + seq,
                            "issue_date", applied.minusDays(30).toString(), "application_date", applied.toString(),
                            "status", isPaid ? "PAID" : "RECEIVED", "amount", k == 1 && i == 18 ? "3000.00" : new String[] {"1500.00", "2000.00", "2500.00"}[j % 3]));
                    if (isPaid) {
                        row.addAll(List.of("paid_date", paid.toString()));
                    }
                    x.row(SUBSIDIES, row.toArray(String[]::new));
                    if (j % 5 == 2 && i >= 12) {
                        subsidyFlags.add(new String[] {night, id, j % 2 == 0 ? "SKL-08" : "SKL-03"});
                    }
                }
                if (i >= 6 && (i + k) % 3 == 0) {
                    alerts.add(new String[] {ym.atDay(Math.min(20, lastDay)).toString(), String.format("%016x", 0xA000L + alerts.size()),
                            "LN-02", "EMPLOYER", Ids.employer(region, 900 + i), region, ym.atDay(1).toString(), ym.atEndOfMonth().toString()});
                }
            }
            if (i >= 10 && i % 4 == 2) {
                alerts.add(new String[] {ym.atDay(Math.min(18, lastDay)).toString(), String.format("%016x", 0xB000L + alerts.size()),
                        "NAT-06", "CONTACT", "phone 139****" + String.format("%04d", i), null, ym.atDay(1).toString(),
                        ym.atDay(Math.min(18, lastDay)).toString()});
            }
        }
        // LN-02: twelve claimants of one employer in 2026-09 (fires tonight)
        for (int j = 0; j < 12; j++) {
            seq++;
            x.row(CLAIMS, "claim_id", "LN02-" + j, "person_id", Ids.person("210102", "19850101", 500 + j), "person_name", "样例" + seq,
                    "region_code", "210102", "last_employer_id", Ids.employer(77), "separation_date", "2026-08-31",
                    "application_date", "2026-09-" + (10 + j), "status", "RECEIVED");
        }
        x.write();
        Path config = TrendFixtures.config(tmp.resolve("job.properties"), TrendFixtures.onlyClaimRules("LN-02"));
        Path out = tmp.resolve("out");
        assertThat(TrendFixtures.screen(db, x.path(), out, D, config)).isZero();
        try (Connection c = TrendFixtures.connect(db)) {
            c.setAutoCommit(false);
            for (String[] f : claimFlags) {
                TrendFixtures.flag(c, f[0], "CLAIM", f[1], f[2]);
            }
            for (String[] f : subsidyFlags) {
                TrendFixtures.flag(c, f[0], "SUBSIDY", f[1], f[2]);
            }
            for (String[] a : alerts) {
                TrendFixtures.alert(c, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], "12", "10");
                TrendFixtures.firstRaised(c, a[1], a[0]);
            }
            // 大连's surge of 2026-06, as SKL-06 raised it on the night of 2026-07-01
            TrendFixtures.alert(c, "2026-07-01", "000000000000c001", "SKL-06", "REGION", "210200", "210200", "2026-06-01",
                    "2026-06-30", "104500.00", "10500.00");
            TrendFixtures.firstRaised(c, "000000000000c001", "2026-07-01");
            c.commit();
        }
        assertThat(TrendFixtures.screen(db, x.path(), out, D, config)).isZero();
        Path html = out.resolve(D).resolve("trend").resolve("report.html");
        assertThat(html).exists();
        return html;
    }
}
