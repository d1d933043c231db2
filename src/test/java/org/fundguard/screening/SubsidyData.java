package org.fundguard.screening;

import static org.fundguard.extract.Extract.CERTIFICATES;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.SUBSIDIES;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.fundguard.support.Screened;

/**
 * Builders for the subsidy-rule tests: applications, registry certificates, contribution
 * histories, and the subsidy work list and alerts of a run read back by application id.
 */
final class SubsidyData {

    private SubsidyData() {
    }

    /** The outputs of one run: subsidy-worklist.csv and alerts.csv. */
    record Outputs(int exitCode, Path outDir, List<Map<String, String>> worklist, List<Map<String, String>> alerts) {

        static Outputs read(int exitCode, Path outDir) {
            return new Outputs(exitCode, outDir, Screened.csv(outDir.resolve("subsidy-worklist.csv")),
                    Screened.csv(outDir.resolve("alerts.csv")));
        }

        /** Application ids whose rules column holds {@code rule}. */
        Set<String> flaggedBy(String rule) {
            Set<String> ids = new TreeSet<>();
            for (Map<String, String> row : worklist) {
                if (List.of(row.get("rules").split("\\|")).contains(rule)) {
                    ids.add(row.get("application_id"));
                }
            }
            return ids;
        }

        Map<String, String> application(String id) {
            return worklist.stream().filter(r -> r.get("application_id").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError(id + " is not in the subsidy work list"));
        }

        /** The evidence clause of {@code rule} for application {@code id}. */
        String evidence(String id, String rule) {
            for (String clause : application(id).get("evidence").split("；")) {
                if (clause.startsWith(rule + " ")) {
                    return clause;
                }
            }
            throw new AssertionError(id + " has no " + rule + " evidence: " + application(id).get("evidence"));
        }

        List<Map<String, String>> alertsOf(String rule) {
            return alerts.stream().filter(a -> a.get("rule").equals(rule)).toList();
        }
    }

    static String p(int n) {
        return Ids.person(n);
    }

    /** One application: id, applicant person number, then column overrides. */
    static void app(ExtractDir x, String id, int person, String... overrides) {
        String[] row = new String[overrides.length + 4];
        row[0] = "application_id";
        row[1] = id;
        row[2] = "person_id";
        row[3] = p(person);
        System.arraycopy(overrides, 0, row, 4, overrides.length);
        x.row(SUBSIDIES, row);
    }

    /** One registry row: certificate number, then column overrides. */
    static void cert(ExtractDir x, String certificateNo, String... overrides) {
        String[] row = new String[overrides.length + 2];
        row[0] = "certificate_no";
        row[1] = certificateNo;
        System.arraycopy(overrides, 0, row, 2, overrides.length);
        x.row(CERTIFICATES, row);
    }

    /** {@code count} registry rows {@code prefix + i} (from {@code from}) of {@code org} issued on {@code day} in {@code region}. */
    static void certs(ExtractDir x, String prefix, int from, int count, String org, String day, String region) {
        for (int i = from; i < from + count; i++) {
            cert(x, prefix + String.format("%03d", i), "issuing_org_id", org, "issue_date", day, "issuing_region_code", region);
        }
    }

    /** {@code perDay} registry rows of {@code org} on every day {@code from..to} (inclusive), numbered from {@code base}. */
    static int spread(ExtractDir x, String prefix, int base, String org, LocalDate from, LocalDate to, int perDay) {
        int n = base;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (int i = 0; i < perDay; i++) {
                cert(x, prefix + String.format("%03d", n++), "issuing_org_id", org, "issue_date", d.toString(),
                        "issuing_region_code", "210100");
            }
        }
        return n;
    }

    /** One contribution row of {@code person} with {@code employer} for every month {@code from..to} (yyyy-MM, inclusive). */
    static void months(ExtractDir x, int person, String employer, String from, String to) {
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            x.row(CONTRIBUTIONS, "person_id", p(person), "employer_id", employer, "period", m.toString());
        }
    }
}
