package org.fundguard.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundguard.extract.Months;
import org.fundguard.run.ContractException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes the trend series set-based: each query groups the window's rows by month number and
 * city ({@code SUBSTRING(region_code, 1, 4) || '00'}) in the database (H2 and PostgreSQL share
 * the SQL: integer month and day columns, no dialect functions); Java then fills the month ×
 * city grid with zeros and adds the ALL rows. Late decisions are counted per distinct
 * (decision month, city, application date, decision date) group, with the working-day calendar
 * in memory.
 */
final class TrendQueries {

    private static final String CITY = "SUBSTRING(%s.region_code, 1, 4) || '00'";

    /** Received claims and those flagged by an LN or NAT rule in any run up to D. */
    static final String CLAIMS_RECEIVED = """
            SELECT m, city, COUNT(*) AS received, SUM(flagged) AS flagged FROM (
              SELECT c.app_month AS m, %s AS city,
                     CASE WHEN EXISTS (SELECT 1 FROM case_flag f WHERE f.item_type = 'CLAIM' AND f.item_id = c.claim_id
                                        AND f.as_of <= ? AND (f.rule LIKE 'LN-%%' OR f.rule LIKE 'NAT-%%'))
                          THEN 1 ELSE 0 END AS flagged
              FROM claim c
              WHERE c.status <> 'WITHDRAWN' AND c.app_month BETWEEN ? AND ? AND c.app_day <= ?) x
            GROUP BY m, city
            """.formatted(CITY.formatted("c"));

    /** Decided claims by decision month, city and the dates that decide lateness. */
    static final String CLAIMS_DECIDED = """
            SELECT m, city, application_date, decision_date, COUNT(*) AS decided, SUM(approved) AS approved FROM (
              SELECT c.decision_month AS m, %s AS city, c.application_date, c.decision_date,
                     CASE WHEN c.status IN ('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED') THEN 1 ELSE 0 END AS approved
              FROM claim c
              WHERE c.status <> 'WITHDRAWN' AND c.decision_month BETWEEN ? AND ? AND c.decision_day <= ?) x
            GROUP BY m, city, application_date, decision_date
            """.formatted(CITY.formatted("c"));

    /** Subsidy applications and those flagged by an SKL rule in any run up to D. */
    static final String SUBSIDY_APPLICATIONS = """
            SELECT m, city, COUNT(*) AS applications, SUM(flagged) AS flagged FROM (
              SELECT s.app_month AS m, %s AS city,
                     CASE WHEN EXISTS (SELECT 1 FROM case_flag f WHERE f.item_type = 'SUBSIDY' AND f.item_id = s.application_id
                                        AND f.as_of <= ? AND f.rule LIKE 'SKL-%%')
                          THEN 1 ELSE 0 END AS flagged
              FROM subsidy s
              WHERE s.app_month BETWEEN ? AND ? AND s.app_day <= ?) x
            GROUP BY m, city
            """.formatted(CITY.formatted("s"));

    /** Paid amounts by payment month. */
    static final String SUBSIDY_PAID = """
            SELECT m, city, SUM(amount) AS paid FROM (
              SELECT s.paid_month AS m, %s AS city, s.amount
              FROM subsidy s
              WHERE s.status = 'PAID' AND s.paid_month BETWEEN ? AND ? AND s.paid_day <= ?) x
            GROUP BY m, city
            """.formatted(CITY.formatted("s"));

    /** Live claims of each application month flagged by each rule in any run up to D. */
    static final String CLAIM_RULES = """
            SELECT m, city, rule, COUNT(*) AS flagged FROM (
              SELECT DISTINCT c.app_month AS m, %s AS city, f.rule, c.claim_id
              FROM claim c JOIN case_flag f ON f.item_type = 'CLAIM' AND f.item_id = c.claim_id
              WHERE f.as_of <= ? AND c.status <> 'WITHDRAWN' AND c.app_month BETWEEN ? AND ? AND c.app_day <= ?) x
            GROUP BY m, city, rule
            """.formatted(CITY.formatted("c"));

    /** Subsidy applications of each application month flagged by each rule in any run up to D. */
    static final String SUBSIDY_RULES = """
            SELECT m, city, rule, COUNT(*) AS flagged FROM (
              SELECT DISTINCT s.app_month AS m, %s AS city, f.rule, s.application_id
              FROM subsidy s JOIN case_flag f ON f.item_type = 'SUBSIDY' AND f.item_id = s.application_id
              WHERE f.as_of <= ? AND s.app_month BETWEEN ? AND ? AND s.app_day <= ?) x
            GROUP BY m, city, rule
            """.formatted(CITY.formatted("s"));

    /**
     * Alerts raised by a run up to D, by the month of first_raised_on, city of their region code
     * (none for an alert without one) and rule.
     */
    static final String ALERTS = """
            SELECT m, city, rule, COUNT(*) AS alerts FROM (
              SELECT CAST(EXTRACT(YEAR FROM af.first_raised_on) * 12 + EXTRACT(MONTH FROM af.first_raised_on) - 1 AS INT) AS m,
                     CASE WHEN a.region_code IS NULL THEN NULL ELSE %s END AS city, a.rule
              FROM alert_first af
              JOIN (SELECT alert_id, MIN(rule) AS rule, MIN(region_code) AS region_code FROM alert WHERE as_of <= ?
                    GROUP BY alert_id) a ON a.alert_id = af.alert_id
              WHERE af.first_raised_on BETWEEN ? AND ?) x
            GROUP BY m, city, rule
            """.formatted(CITY.formatted("a"));

    /** SKL-06 surges (REGION alerts whose period is a month of the window), as the latest run up to D stored them. */
    static final String SURGES = """
            SELECT a.region_code, a.entity_id, a.period_start, a.metric_value, a.threshold
            FROM alert a
            WHERE a.rule = 'SKL-06' AND a.entity_type = 'REGION' AND a.as_of <= ? AND a.period_start BETWEEN ? AND ?
              AND a.as_of = (SELECT MAX(b.as_of) FROM alert b WHERE b.alert_id = a.alert_id AND b.as_of <= ?)
            """;

    private final JdbcTemplate jdbc;
    private final LateDecisions lateDecisions;

    TrendQueries(JdbcTemplate jdbc, LateDecisions lateDecisions) {
        this.jdbc = jdbc;
        this.lateDecisions = lateDecisions;
    }

    TrendData compute(LocalDate asOf) {
        int last = Months.of(asOf);
        int first = last - (TrendData.MONTHS - 1);
        int d = (int) asOf.toEpochDay();
        LocalDate firstDay = Months.toYearMonth(first).atDay(1);

        TreeSet<String> cities = new TreeSet<>();
        Map<String, TrendData.Cell[]> cells = new TreeMap<>();
        boolean[] lateAvailable = new boolean[TrendData.MONTHS];
        for (int i = 0; i < TrendData.MONTHS; i++) {
            lateAvailable[i] = lateDecisions.covers(Months.toYearMonth(first + i).getYear());
        }

        jdbc.query(CLAIMS_RECEIVED, rs -> {
            TrendData.Cell c = cell(cells, cities, rs.getString("city"), rs.getInt("m") - first);
            c.claimsReceived += rs.getLong("received");
            c.flaggedClaims += rs.getLong("flagged");
        }, asOf, first, last, d);

        jdbc.query(CLAIMS_DECIDED, rs -> {
            int i = rs.getInt("m") - first;
            TrendData.Cell c = cell(cells, cities, rs.getString("city"), i);
            long n = rs.getLong("decided");
            c.claimsDecided += n;
            c.claimsApproved += rs.getLong("approved");
            if (lateAvailable[i]) {
                try {
                    if (lateDecisions.late(rs.getObject("application_date", LocalDate.class),
                            rs.getObject("decision_date", LocalDate.class))) {
                        c.decidedLate += n;
                    }
                } catch (ContractException e) {
                    lateAvailable[i] = false; // a deadline needs a year the calendar lacks: not available, never guessed
                }
            }
        }, first, last, d);

        jdbc.query(SUBSIDY_APPLICATIONS, rs -> {
            TrendData.Cell c = cell(cells, cities, rs.getString("city"), rs.getInt("m") - first);
            c.subsidyApplications += rs.getLong("applications");
            c.flaggedApplications += rs.getLong("flagged");
        }, asOf, first, last, d);

        jdbc.query(SUBSIDY_PAID, rs -> {
            TrendData.Cell c = cell(cells, cities, rs.getString("city"), rs.getInt("m") - first);
            BigDecimal paid = rs.getBigDecimal("paid");
            if (paid != null) {
                c.subsidyPaidAmount = c.subsidyPaidAmount.add(paid).setScale(2);
            }
        }, first, last, d);

        // the grid: every month for every city that has any row, then ALL as the sum
        TrendData.Cell[] all = newRow();
        for (String city : cities) {
            TrendData.Cell[] row = cells.get(city);
            for (int i = 0; i < TrendData.MONTHS; i++) {
                all[i].add(row[i]);
            }
        }
        cells.put(TrendData.ALL, all);

        Map<String, Map<String, long[]>> rules = new TreeMap<>();
        for (String sql : List.of(CLAIM_RULES, SUBSIDY_RULES)) {
            jdbc.query(sql, rs -> {
                int i = rs.getInt("m") - first;
                long n = rs.getLong("flagged");
                String rule = rs.getString("rule");
                count(rules, rs.getString("city"), rule, i, n);
                count(rules, TrendData.ALL, rule, i, n);
            }, asOf, first, last, d);
        }

        Map<String, Map<String, long[]>> alerts = new TreeMap<>();
        jdbc.query(ALERTS, rs -> {
            int i = rs.getInt("m") - first;
            long n = rs.getLong("alerts");
            String rule = rs.getString("rule");
            String city = rs.getString("city");
            if (city != null) {
                count(alerts, city, rule, i, n);
            }
            count(alerts, TrendData.ALL, rule, i, n);
        }, asOf, firstDay, asOf);

        Map<String, TrendData.Surge> surges = new TreeMap<>();
        jdbc.query(SURGES, rs -> {
            LocalDate start = rs.getObject("period_start", LocalDate.class);
            String region = rs.getString("region_code");
            if (region == null) {
                region = rs.getString("entity_id");
            }
            if (region == null || region.length() < 4) {
                return;
            }
            String city = region.substring(0, 4) + "00";
            int i = Months.of(start) - first;
            TrendData.Surge s = new TrendData.Surge(i, city, decimal(rs.getString("metric_value")),
                    decimal(rs.getString("threshold")));
            String key = String.format("%02d|%s", i, city);
            TrendData.Surge earlier = surges.get(key);
            if (earlier == null || compare(s.value(), earlier.value()) > 0) {
                surges.put(key, s);
            }
        }, asOf, firstDay, asOf, asOf);

        return new TrendData(asOf, new ArrayList<>(cities), cells, lateAvailable, rules, alerts, new ArrayList<>(surges.values()));
    }

    private static TrendData.Cell cell(Map<String, TrendData.Cell[]> cells, TreeSet<String> cities, String city, int i) {
        cities.add(city);
        return cells.computeIfAbsent(city, k -> newRow())[i];
    }

    private static TrendData.Cell[] newRow() {
        TrendData.Cell[] row = new TrendData.Cell[TrendData.MONTHS];
        for (int i = 0; i < row.length; i++) {
            row[i] = new TrendData.Cell();
        }
        return row;
    }

    private static void count(Map<String, Map<String, long[]>> map, String city, String rule, int i, long n) {
        map.computeIfAbsent(city, k -> new TreeMap<>()).computeIfAbsent(rule, k -> new long[TrendData.MONTHS])[i] += n;
    }

    private static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compare(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }
}
