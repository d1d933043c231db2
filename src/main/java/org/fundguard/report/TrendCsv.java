package org.fundguard.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fundguard.export.CsvTableWriter;

/**
 * The machine-readable series, trend/*.csv, through the one CSV writer of every output. Rows by
 * month, then city in code-point order with ALL last, then rule.
 */
final class TrendCsv {

    static final List<String> MONTHLY_HEADER = List.of("month", "city", "claims_received", "claims_decided", "decided_late",
            "claims_approved", "flagged_claims", "flagged_share", "subsidy_applications", "subsidy_paid_amount",
            "flagged_applications");
    static final List<String> RULES_HEADER = List.of("month", "city", "rule", "flagged");
    static final List<String> ALERTS_HEADER = List.of("month", "city", "rule", "alerts");
    static final List<String> SURGES_HEADER = List.of("month", "city", "paid_amount", "threshold");

    static final String MONTHLY = "monthly.csv";
    static final String RULES = "rules.csv";
    static final String ALERTS = "alerts.csv";
    static final String SURGES = "subsidy-surges.csv";

    private TrendCsv() {
    }

    static void write(TrendData data, Path dir) {
        try (CsvTableWriter out = new CsvTableWriter(dir.resolve(MONTHLY), MONTHLY_HEADER)) {
            for (int i = 0; i < TrendData.MONTHS; i++) {
                for (String city : data.citiesThenAll()) {
                    TrendData.Cell c = data.cell(city, i);
                    out.row(data.month(i), city, c.claimsReceived, c.claimsDecided, data.decidedLate(city, i), c.claimsApproved,
                            c.flaggedClaims, c.flaggedShare(), c.subsidyApplications, c.subsidyPaidAmount,
                            c.flaggedApplications);
                }
            }
        }
        perRule(data, data.rules, dir.resolve(RULES), RULES_HEADER);
        perRule(data, data.alerts, dir.resolve(ALERTS), ALERTS_HEADER);
        try (CsvTableWriter out = new CsvTableWriter(dir.resolve(SURGES), SURGES_HEADER)) {
            for (TrendData.Surge s : data.surges) {
                out.row(data.month(s.index()), s.city(), s.value(), s.threshold());
            }
        }
    }

    /** Rows {@code month, city, rule, n} with n > 0; cities that appear only here are listed in code-point order too. */
    private static void perRule(TrendData data, Map<String, Map<String, long[]>> counts, Path file, List<String> header) {
        try (CsvTableWriter out = new CsvTableWriter(file, header)) {
            for (int i = 0; i < TrendData.MONTHS; i++) {
                for (Map.Entry<String, Map<String, long[]>> city : counts.entrySet()) {
                    if (!city.getKey().equals(TrendData.ALL)) {
                        row(out, data, i, city.getKey(), city.getValue());
                    }
                }
                Map<String, long[]> all = counts.get(TrendData.ALL);
                if (all != null) {
                    row(out, data, i, TrendData.ALL, all);
                }
            }
        }
    }

    private static void row(CsvTableWriter out, TrendData data, int i, String city, Map<String, long[]> byRule) {
        for (Map.Entry<String, long[]> rule : byRule.entrySet()) {
            long n = rule.getValue()[i];
            if (n > 0) {
                out.row(data.month(i), city, rule.getKey(), n);
            }
        }
    }
}
