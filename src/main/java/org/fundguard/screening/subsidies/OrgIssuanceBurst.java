package org.fundguard.screening.subsidies;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Extract;
import org.fundguard.run.ContractException;
import org.fundguard.screening.Alert;
import org.fundguard.screening.RuleRun;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * SKL-04: an evaluation organisation that issued many certificates within a short window.
 *
 * <p>Over the registry (all statuses, issue dates up to D), per organisation {@code o} and day
 * {@code d}: {@code n(o, d)} = certificates issued in [d − (w − 1), d]; {@code b(o, d)} =
 * certificates issued in the baseline [d − (w − 1) − B, d − w]; {@code base = b × w / B}. A burst day
 * has {@code n >= min_certificates} and {@code n >= factor × max(base, 1)}, compared exactly in
 * integers: with {@code factor = fn / fd} (its decimal digits, {@code fd} a power of ten),
 * {@code n × B × fd >= fn × max(b × w, B)}.
 *
 * <p>Set-based in SQL, pruned before counting: the days are cut into aligned buckets of w days (the
 * bucket of day t is floor(t / w)); a window [d − (w − 1), d] lies within the buckets of d and the one
 * before, so only days of buckets k with {@code count(k − 1) + count(k) >= min_certificates} can be
 * burst days ("hot" buckets, from one GROUP BY over the registry). For the w days of each hot bucket
 * (offsets 0..w−1 from a recursive row generator) {@code n} is counted, and for those with
 * {@code n >= min_certificates} also {@code b}, each as an index range count on
 * {@code certificate (issuing_org_id, issue_day)}. A second query selects the in-scope applications of
 * the (rare) bursting organisations, with organisation and issue day from the registry row (from the
 * application when the certificate is not in the registry); each is matched to the burst days whose
 * window holds its issue day by a range lookup in the organisation's sorted burst days, and the
 * burst day with the most certificates (then the earliest) is cited in the evidence.
 * Java groups the burst days into maximal runs of consecutive days: one
 * {@code ORG} alert per run whose last day is in scope.
 */
@Component
public class OrgIssuanceBurst extends SubsidyRuleBase {

    static final String SQL = """
            WITH RECURSIVE offsets (i) AS (
              SELECT 0
              UNION ALL
              SELECT i + 1 FROM offsets WHERE i < :windowLast),
            buckets (o, k, c) AS (
              SELECT z.o, z.k, COUNT(*) FROM (
                SELECT issuing_org_id AS o, (issue_day + :shift) / :window_days AS k FROM certificate WHERE issue_day <= :d) z
               GROUP BY z.o, z.k),
            hot (o, k) AS (
              SELECT z.o, z.k FROM (SELECT o, k, c FROM buckets UNION ALL SELECT o, k + 1, c FROM buckets) z
               GROUP BY z.o, z.k
              HAVING SUM(z.c) >= :min_certificates),
            days (o, dd) AS (
              SELECT hot.o, hot.k * :window_days - :shift + offsets.i FROM hot CROSS JOIN offsets
               WHERE hot.k * :window_days - :shift + offsets.i <= :d),
            win (o, dd, n) AS (
              SELECT x.o, x.dd, x.n FROM (
                SELECT days.o, days.dd,
                       (SELECT COUNT(*) FROM certificate c
                         WHERE c.issuing_org_id = days.o AND c.issue_day BETWEEN days.dd - :windowLast AND days.dd) AS n
                  FROM days) x
               WHERE x.n >= :min_certificates),
            burst (o, dd, n, b) AS (
              SELECT y.o, y.dd, y.n, y.b FROM (
                SELECT win.o, win.dd, win.n,
                       (SELECT COUNT(*) FROM certificate c
                         WHERE c.issuing_org_id = win.o
                           AND c.issue_day BETWEEN win.dd - :windowLast - :baseline_days AND win.dd - :window_days) AS b
                  FROM win) y
               WHERE y.n * :baseline_days * :factorDen >= :factorNum * GREATEST(y.b * :window_days, :baseline_days))
            SELECT o, dd, n, b FROM burst
            """;

    /** In-scope applications of organisations with burst days: organisation and issue day from the registry row, else the application. */
    static final String APPLICATIONS = """
            SELECT x.application_id, x.o, x.t FROM (
              SELECT s.application_id, COALESCE(c.issuing_org_id, s.issuing_org_id) AS o, COALESCE(c.issue_day, s.issue_day) AS t
                FROM subsidy s LEFT JOIN certificate c ON c.certificate_no = s.certificate_no
               WHERE %s) x
             WHERE x.o IN (:orgs) AND x.t BETWEEN :firstDay AND :lastDay
            """.formatted(FLAGGABLE);

    /** Day numbers shifted by a multiple of w above every date's (year 1 is day −719162), so integer division floors. */
    static long shift(int window) {
        return (long) window * ((720_000 + window - 1) / window);
    }

    static final String REGIONS = """
            SELECT issuing_org_id, issuing_region_code, COUNT(*) AS n FROM certificate
             WHERE issue_day <= :d AND issuing_org_id IN (:orgs)
             GROUP BY issuing_org_id, issuing_region_code
            """;

    public OrgIssuanceBurst() {
        super("SKL-04", "ORG_ISSUANCE_BURST", "国 六 \"同一职业技能评价机构短期内集中发放证书\"",
                "联系职业技能鉴定部门重点核查该评价机构集中发放证书的情况及证书真实性，核实前暂缓发放补贴",
                "window_days", "7", "baseline_days", "91", "min_certificates", "30", "factor", "3");
    }

    @Override
    public List<Extract> needs() {
        return List.of(Extract.CERTIFICATES);
    }

    /** A burst day: n certificates in its window, b in its baseline. */
    private record Burst(int day, long n, long b) {
    }

    /** A flagged application: its organisation and issue day, and the burst day its evidence cites. */
    private record Hit(String org, int issueDay, Burst burst) {
    }

    @Override
    public void screen(RuleRun run) {
        int window = run.integer("window_days");
        int baseline = run.integer("baseline_days");
        int min = run.integer("min_certificates");
        BigDecimal factor = run.decimal("factor");
        if (window < 1 || baseline < 1) {
            throw new ContractException("job parameters " + RuleRun.key(this, "window_days") + " and "
                    + RuleRun.key(this, "baseline_days") + " must be at least 1");
        }
        if (factor.signum() < 0) {
            throw new ContractException("job parameter " + RuleRun.key(this, "factor") + " must not be negative");
        }
        BigDecimal exact = factor.stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        MapSqlParameterSource extra = new MapSqlParameterSource()
                .addValue("windowLast", window - 1)
                .addValue("shift", shift(window))
                .addValue("factorNum", exact.unscaledValue().longValueExact())
                .addValue("factorDen", BigInteger.TEN.pow(exact.scale()).longValueExact());

        Map<String, TreeMap<Integer, Burst>> bursts = new TreeMap<>();
        run.query(SQL, extra, rs -> bursts.computeIfAbsent(rs.getString("o"), k -> new TreeMap<>())
                .put(rs.getInt("dd"), new Burst(rs.getInt("dd"), rs.getLong("n"), rs.getLong("b"))));
        Map<String, Hit> flagged = new TreeMap<>();
        List<String> orgs = List.copyOf(bursts.keySet());
        for (int i = 0; i < orgs.size(); i += 500) {
            List<String> part = orgs.subList(i, Math.min(orgs.size(), i + 500));
            MapSqlParameterSource p = new MapSqlParameterSource("orgs", part)
                    .addValue("firstDay", part.stream().mapToInt(o -> bursts.get(o).firstKey()).min().orElseThrow() - (window - 1))
                    .addValue("lastDay", part.stream().mapToInt(o -> bursts.get(o).lastKey()).max().orElseThrow());
            run.query(APPLICATIONS, p, rs -> {
                String org = rs.getString("o");
                int t = rs.getInt("t");
                // burst days whose window [d − (w − 1), d] holds t; the one with the most certificates (then the earliest) is cited
                Burst cited = null;
                for (Burst b : bursts.get(org).subMap(t, true, t + window - 1, true).values()) {
                    if (cited == null || b.n() > cited.n()) {
                        cited = b;
                    }
                }
                if (cited != null) {
                    flagged.put(rs.getString("application_id"), new Hit(org, t, cited));
                }
            });
        }
        for (Map.Entry<String, Hit> e : flagged.entrySet()) {
            Burst b = e.getValue().burst();
            run.flag(e.getKey(), "SKL-04 评价机构" + e.getValue().org() + "于" + RuleRun.day(b.day() - (window - 1)) + "至"
                    + RuleRun.day(b.day()) + "(" + window + "天)发证" + b.n() + "张，此前" + baseline + "天发证" + b.b() + "张、折合每"
                    + window + "天" + perWindow(b.b(), window, baseline) + "张(阈值" + min + "张且不低于基线的"
                    + factor.toPlainString() + "倍)");
        }
        alerts(run, bursts, flagged, window, min);
    }

    /** A maximal run of consecutive burst days of an organisation, with the largest n in it. */
    private record BurstRun(String org, int first, int last, long maxN) {
    }

    /** One alert per organisation and maximal run of consecutive burst days whose last day is in scope. */
    private void alerts(RuleRun run, Map<String, TreeMap<Integer, Burst>> bursts, Map<String, Hit> flagged, int window, int min) {
        List<BurstRun> runs = new ArrayList<>();
        bursts.forEach((org, days) -> {
            BurstRun current = null;
            for (Burst b : days.values()) {
                if (current != null && b.day() == current.last() + 1) {
                    current = new BurstRun(org, current.first(), b.day(), Math.max(current.maxN(), b.n()));
                } else {
                    if (current != null) {
                        runs.add(current);
                    }
                    current = new BurstRun(org, b.day(), b.day(), b.n());
                }
            }
            if (current != null) {
                runs.add(current);
            }
        });
        runs.removeIf(r -> r.last() < run.scopeStartDay());
        if (runs.isEmpty()) {
            return;
        }
        Map<String, String> regions = regions(run, runs.stream().map(BurstRun::org).distinct().toList());
        Map<String, List<Integer>> issueDays = new HashMap<>();
        flagged.values().forEach(h -> issueDays.computeIfAbsent(h.org(), k -> new ArrayList<>()).add(h.issueDay()));
        for (BurstRun r : runs) {
            int start = r.first() - (window - 1);
            // the windows of a run's consecutive burst days cover exactly [first − (w − 1), last]
            long related = issueDays.getOrDefault(r.org(), List.of()).stream().filter(t -> t >= start && t <= r.last()).count();
            run.alert(new Alert(code(), severity(), "ORG", r.org(), r.org(), null, regions.get(r.org()), RuleRun.day(start),
                    RuleRun.day(r.last()), "certificates_in_window", Long.toString(r.maxN()), Integer.toString(min), (int) related));
        }
    }

    /** The organisation's most frequent issuing_region_code in the registry (ties: the smallest). */
    private static Map<String, String> regions(RuleRun run, List<String> orgs) {
        Map<String, String> region = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        for (int i = 0; i < orgs.size(); i += 500) {
            run.query(REGIONS, new MapSqlParameterSource("orgs", orgs.subList(i, Math.min(orgs.size(), i + 500))), rs -> {
                String org = rs.getString("issuing_org_id");
                String code = rs.getString("issuing_region_code");
                long n = rs.getLong("n");
                Long best = count.get(org);
                if (best == null || n > best || n == best && code.compareTo(region.get(org)) < 0) {
                    region.put(org, code);
                    count.put(org, n);
                }
            });
        }
        return region;
    }

    /** b × w / B for the evidence, 2 decimals. */
    static String perWindow(long b, int window, int baseline) {
        return BigDecimal.valueOf(b * window).divide(BigDecimal.valueOf(baseline), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
