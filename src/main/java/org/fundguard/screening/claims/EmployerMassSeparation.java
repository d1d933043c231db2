package org.fundguard.screening.claims;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.Alert;
import org.fundguard.screening.ClaimRule;
import org.fundguard.screening.Employers;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/**
 * NAT-01: for every live claim x of employer e the span [x.separation − (span_days − 1),
 * x.separation]; a span holding the separations of at least {@code min_claimants} distinct
 * persons flags every in-scope claim in it. Qualifying spans (found in SQL) that overlap form one
 * group, which is one alert.
 */
@Component
public class EmployerMassSeparation extends AbstractRule implements ClaimRule {

    static final String SQL = """
            WITH lc AS (SELECT claim_id, person_id, last_employer_id AS e, sep_day, app_day FROM claim
                         WHERE status <> 'WITHDRAWN' AND app_day <= :d),
            spans AS (SELECT x.e, x.sep_day AS end_day, COUNT(DISTINCT y.person_id) AS n
                        FROM (SELECT DISTINCT e, sep_day FROM lc) x
                        JOIN lc y ON y.e = x.e AND y.sep_day BETWEEN x.sep_day - (:span_days - 1) AND x.sep_day
                       GROUP BY x.e, x.sep_day
                      HAVING COUNT(DISTINCT y.person_id) >= :min_claimants)
            SELECT s.e, s.end_day, s.n, y.claim_id, y.person_id, y.sep_day, y.app_day
              FROM spans s JOIN lc y ON y.e = s.e AND y.sep_day BETWEEN s.end_day - (:span_days - 1) AND s.end_day
             ORDER BY s.e, s.end_day, y.claim_id
            """;

    private final Employers employers;

    public EmployerMassSeparation(Employers employers) {
        super("NAT-01", "EMPLOYER_MASS_SEPARATION", "国 七 \"同一用人单位职工集中离职申领\"", Severity.HIGH,
                "高危风险：核查该单位集中离职的真实原因及劳动关系，核实前暂缓发放", "span_days", "30", "min_claimants", "10");
        this.employers = employers;
    }

    /** One maximal group of overlapping qualifying spans of an employer. */
    private static final class Group {
        int lastEnd;
        final Map<String, int[]> claims = new LinkedHashMap<>(); // claim → sep_day, app_day
        final Set<String> persons = new HashSet<>();
    }

    @Override
    public void screen(RuleRun run) {
        int span = run.integer("span_days");
        int min = run.integer("min_claimants");
        Map<String, List<Group>> groups = new TreeMap<>();
        run.query(SQL, rs -> {
            String e = rs.getString("e");
            int end = rs.getInt("end_day");
            List<Group> list = groups.computeIfAbsent(e, k -> new ArrayList<>());
            Group g = list.isEmpty() ? null : list.get(list.size() - 1);
            // spans of equal length, in end order, overlap when the later starts on or before the earlier's end
            if (g == null || end - (span - 1) > g.lastEnd) {
                g = new Group();
                list.add(g);
            }
            g.lastEnd = end;
            g.claims.put(rs.getString("claim_id"), new int[] {rs.getInt("sep_day"), rs.getInt("app_day")});
            g.persons.add(rs.getString("person_id"));
        });
        Map<String, Employers.Info> info = employers.find(groups.keySet());
        groups.forEach((employer, list) -> {
            for (Group g : list) {
                int first = g.claims.values().stream().mapToInt(v -> v[0]).min().orElseThrow();
                int last = g.claims.values().stream().mapToInt(v -> v[0]).max().orElseThrow();
                String evidence = "NAT-01 该单位" + RuleRun.day(first) + "至" + RuleRun.day(last) + "集中离职申领" + g.persons.size()
                        + "人(" + span + "天内阈值" + min + "人)";
                int flagged = 0;
                for (Map.Entry<String, int[]> c : g.claims.entrySet()) {
                    int app = c.getValue()[1];
                    if (app >= run.scopeStartDay() && app <= run.asOfDay()) {
                        run.flag(c.getKey(), evidence);
                        flagged++;
                    }
                }
                if (flagged > 0) {
                    Employers.Info e = info.get(employer);
                    run.alert(new Alert(code(), severity(), "EMPLOYER", employer, employer, e == null ? null : e.name(),
                            e == null ? null : e.regionCode(), RuleRun.day(first), RuleRun.day(last), "persons_in_span",
                            Integer.toString(g.persons.size()), Integer.toString(min), flagged));
                }
            }
        });
    }
}
