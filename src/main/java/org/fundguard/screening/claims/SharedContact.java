package org.fundguard.screening.claims;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Identifiers;
import org.fundguard.screening.AbstractRule;
import org.fundguard.screening.Alert;
import org.fundguard.screening.ClaimRule;
import org.fundguard.screening.RuleRun;
import org.fundguard.screening.Severity;
import org.springframework.stereotype.Component;

/**
 * NAT-06: among in-scope live claims, a phone or a bank account shared by at least
 * {@code min_persons} distinct persons (the pattern of an agency recruiting people to claim).
 * Evidence and alerts show the value masked; the alert id is keyed on the full value.
 *
 * <p>The alert's period runs from the earliest to the latest application date of the live
 * claims dated up to D that carry the value: unlike the moving in-scope window, its start does
 * not change from night to night, so the alert id stays stable.
 */
@Component
public class SharedContact extends AbstractRule implements ClaimRule {

    private static final String SQL = """
            SELECT c.claim_id, c.%1$s AS contact, c.region_code, g.n, g.first_day, g.last_day
              FROM claim c
              JOIN (SELECT s.%1$s AS contact, COUNT(DISTINCT s.person_id) AS n,
                           (SELECT MIN(a.app_day) FROM claim a WHERE a.%1$s = s.%1$s AND a.status <> 'WITHDRAWN' AND a.app_day <= :d) AS first_day,
                           (SELECT MAX(a.app_day) FROM claim a WHERE a.%1$s = s.%1$s AND a.status <> 'WITHDRAWN' AND a.app_day <= :d) AS last_day
                      FROM claim s
                     WHERE s.status <> 'WITHDRAWN' AND s.app_day BETWEEN :scopeStart AND :d AND s.%1$s IS NOT NULL
                     GROUP BY s.%1$s HAVING COUNT(DISTINCT s.person_id) >= :min_persons) g ON g.contact = c.%1$s
             WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d
             ORDER BY g.contact, c.claim_id
            """;

    public SharedContact() {
        super("NAT-06", "SHARED_CONTACT", "国 七 \"不法中介机构招揽失业人员短期参保骗领失业保险金\"", Severity.HIGH,
                "高危风险：核实共用联系电话或银行账户人员之间的关系，排查中介代办骗领，核实前暂缓发放", "min_persons", "3");
    }

    @Override
    public void screen(RuleRun run) {
        int min = run.integer("min_persons");
        screen(run, "phone", "联系电话", min);
        screen(run, "bank_account", "银行账户", min);
    }

    private void screen(RuleRun run, String column, String label, int min) {
        Map<String, Object[]> groups = new TreeMap<>(); // contact → persons, first, last, flagged, region
        run.query(SQL.formatted(column), rs -> {
            String contact = rs.getString("contact");
            int n = rs.getInt("n");
            run.flag(rs.getString("claim_id"), "NAT-06 " + label + Identifiers.mask(contact) + "由" + n + "人共用(阈值" + min + "人)");
            int first = rs.getInt("first_day");
            int last = rs.getInt("last_day");
            String region = rs.getString("region_code");
            Object[] g = groups.computeIfAbsent(contact, k -> new Object[] {n, first, last, 0, region});
            g[3] = (Integer) g[3] + 1;
            if (region.compareTo((String) g[4]) < 0) {
                g[4] = region;
            }
        });
        groups.forEach((contact, g) -> {
            LocalDate first = RuleRun.day((Integer) g[1]);
            run.alert(new Alert(code(), severity(), "CONTACT", column + " " + Identifiers.mask(contact), column + ":" + contact,
                    null, (String) g[4], first, RuleRun.day((Integer) g[2]), "persons_sharing", g[0].toString(),
                    Integer.toString(min), (Integer) g[3]));
        });
    }
}
