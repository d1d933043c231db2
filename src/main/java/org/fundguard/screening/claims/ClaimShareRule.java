package org.fundguard.screening.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Months;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.Alert;
import org.fundguard.screening.IncrementalRule;
import org.fundguard.screening.Employers;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;

/**
 * LN-03 and NAT-02: for a claim of employer e applied in month m, window W = [m − (window_months − 1), m]:
 * headcount = distinct persons with a contribution of e in W, n = distinct claimants of e's claims
 * applied in W (counted statuses differ by rule); flagged when headcount ≥ min_headcount and
 * n > headcount × share, compared exactly in decimal.
 */
abstract class ClaimShareRule extends AbstractRule implements IncrementalRule {

    /**
     * One row per employer and application month of an in-scope claim (of the focus) with its
     * headcount, as a correlated count over indexed ranges, kept in share_headcount for the other
     * rule of the pair when its window is the same (LN-03 and NAT-02 both default to 12 months).
     * The headcount reads the employer's islands of consecutive months (ContributionIslands): a
     * person has a contribution in W exactly when one island starts by m and ends at m − (w − 1) or
     * later; only the latest such island (the next one starts after m) is counted, so each person once.
     */
    private static final String HEADCOUNTS = """
            INSERT INTO share_headcount (window_months, employer_id, m, h)
            SELECT :window_months, em.e, em.m,
                   (SELECT COUNT(*) FROM employment_island i
                     WHERE i.employer_id = em.e AND i.first_p <= em.m AND i.last_p >= em.m - (:window_months - 1)
                       AND (i.next_first_p IS NULL OR i.next_first_p > em.m))
              FROM (SELECT DISTINCT c0.last_employer_id AS e, c0.app_month AS m FROM claim c0
                     WHERE c0.status <> 'WITHDRAWN' AND c0.app_day BETWEEN :scopeStart AND :d AND %s) em
            """;

    /**
     * The claimant count of each employer month with enough headcount, as a correlated count;
     * the claims are then joined to it. (Joining grouped derived tables to each other would make
     * H2 re-run one per row of the other.)
     */
    private static final String SQL = """
            SELECT c.claim_id, c.last_employer_id, x.m, x.h, x.n
              FROM (SELECT hc.employer_id AS e, hc.m, hc.h,
                           (SELECT COUNT(DISTINCT c2.person_id) FROM claim c2
                             WHERE c2.last_employer_id = hc.employer_id AND c2.app_month BETWEEN hc.m - (:window_months - 1) AND hc.m
                               AND %s AND c2.app_day <= :d) AS n
                      FROM share_headcount hc
                     WHERE hc.window_months = :window_months AND hc.h >= :min_headcount) x
              JOIN claim c ON c.last_employer_id = x.e AND c.app_month = x.m
             WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d
               AND x.n > x.h * CAST(:share AS DECIMAL(12, 6))
            """;

    private final Employers employers;
    private final String countedClaims;
    private final String counted;
    private final String metric;

    /**
     * @param countedClaims SQL condition on {@code c2} for the claims counted in n
     * @param counted       what n counts, in Chinese, for the evidence
     */
    ClaimShareRule(Employers employers, String countedClaims, String counted, String metric, String code, String name,
                   String clause, Severity severity, String action, String share, String windowMonths, String minHeadcount) {
        super(code, name, clause, severity, action, "share", share, "window_months", windowMonths, "min_headcount", minHeadcount);
        this.employers = employers;
        this.countedClaims = countedClaims;
        this.counted = counted;
        this.metric = metric;
    }

    private record Key(String employer, int month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = employer.compareTo(o.employer);
            return c != 0 ? c : Integer.compare(month, o.month);
        }
    }

    /**
     * The flags of employer e's claims applied in month m depend on e's contribution months and
     * claims in the window ending at m, and on e's row (the alert names it): the employer months
     * of the night's focus, each reaching window_months − 1 months on.
     */
    @Override
    public String focus(String alias) {
        return IncrementalRule.employerMonthInFocus(alias + ".last_employer_id", alias + ".app_month", "(:window_months - 1)");
    }

    /** An alert is about employer e and the window ending at m, the month of its period end. */
    @Override
    public String alertFocus(String alias) {
        return IncrementalRule.employerMonthInFocus(alias + ".entity_id", IncrementalRule.monthOf(alias + ".period_end"),
                "(:window_months - 1)");
    }

    @Override
    public void screen(RuleRun run) {
        BigDecimal share = run.decimal("share");
        int window = run.integer("window_months");
        Map<Key, int[]> alerts = new TreeMap<>(); // n, headcount, flagged
        headcounts(run, window);
        run.query(SQL.formatted(countedClaims), rs -> {
            Key key = new Key(rs.getString("last_employer_id"), rs.getInt("m"));
            int h = rs.getInt("h");
            int n = rs.getInt("n");
            run.flag(rs.getString("claim_id"), code() + " 该单位" + Months.format(key.month() - (window - 1)) + "至"
                    + Months.format(key.month()) + counted + n + "人、参保" + h + "人，占比" + ratio(n, h) + "(阈值超过"
                    + share.toPlainString() + ")");
            alerts.computeIfAbsent(key, k -> new int[] {n, h, 0})[2]++;
        });
        Map<String, Employers.Info> info = employers.find(alerts.keySet().stream().map(Key::employer).toList());
        alerts.forEach((key, v) -> {
            Employers.Info e = info.get(key.employer());
            YearMonth first = Months.toYearMonth(key.month() - (window - 1));
            run.alert(new Alert(code(), severity(), "EMPLOYER", key.employer(), key.employer(), e == null ? null : e.name(),
                    e == null ? null : e.regionCode(), first.atDay(1), Months.toYearMonth(key.month()).atEndOfMonth(), metric,
                    ratio(v[0], v[1]), share.toPlainString(), v[2]));
        });
    }

    /**
     * Fills share_headcount for this screening and window unless the other rule of the pair
     * already did: both select the same employer months (live in-scope claims, the same focus
     * for the same window). The table is emptied by the first rule of each screening.
     */
    @SuppressWarnings("unchecked")
    private static void headcounts(RuleRun run, int window) {
        java.util.Set<Integer> done = (java.util.Set<Integer>) run.shared().computeIfAbsent("share_headcount", k -> {
            run.update("DELETE FROM share_headcount");
            return new java.util.HashSet<Integer>();
        });
        if (done.add(window)) {
            run.update(HEADCOUNTS.formatted(run.focus("c0")));
        }
    }

    static String ratio(int n, int h) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(h), 4, RoundingMode.HALF_UP).toPlainString();
    }
}
