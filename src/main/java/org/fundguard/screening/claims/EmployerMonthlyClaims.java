package org.fundguard.screening.claims;

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
import org.springframework.stereotype.Component;

/** LN-02: at least {@code min_claimants} distinct claimants of one employer in one application month. */
@Component
public class EmployerMonthlyClaims extends AbstractRule implements IncrementalRule {

    static final String SQL = """
            SELECT c.claim_id, c.last_employer_id, m.app_month, m.n
            FROM claim c
            JOIN (SELECT k.last_employer_id, k.app_month, COUNT(DISTINCT k.person_id) AS n FROM claim k
                   WHERE k.status <> 'WITHDRAWN' AND k.app_day <= :d AND %s
                   GROUP BY k.last_employer_id, k.app_month HAVING COUNT(DISTINCT k.person_id) >= :min_claimants) m
              ON m.last_employer_id = c.last_employer_id AND m.app_month = c.app_month
            WHERE c.status <> 'WITHDRAWN' AND c.app_day BETWEEN :scopeStart AND :d
            """;

    private final Employers employers;

    public EmployerMonthlyClaims(Employers employers) {
        super("LN-02", "EMPLOYER_MONTHLY_CLAIMS", "辽 三 \"同一单位当月10人(含)以上申领\"", Severity.VERIFY,
                "核实该单位当月集中申领人员的劳动关系及离职原因，经办窗口审核相关材料后再继续办理",
                "min_claimants", "10");
        this.employers = employers;
    }

    private record Key(String employer, int month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = employer.compareTo(o.employer);
            return c != 0 ? c : Integer.compare(month, o.month);
        }
    }

    /** Employer e's month m depends on e's claims applied in m only (and on e's row, named by the alert). */
    @Override
    public String focus(String alias) {
        return IncrementalRule.employerMonthInFocus(alias + ".last_employer_id", alias + ".app_month", "0");
    }

    /** An alert is about employer e and the month its period starts in. */
    @Override
    public String alertFocus(String alias) {
        return IncrementalRule.employerMonthInFocus(alias + ".entity_id", IncrementalRule.monthOf(alias + ".period_start"), "0");
    }

    @Override
    public void screen(RuleRun run) {
        int min = run.integer("min_claimants");
        Map<Key, int[]> months = new TreeMap<>(); // n, flagged cases
        run.query(SQL.formatted(run.focus("k")), rs -> {
            Key key = new Key(rs.getString("last_employer_id"), rs.getInt("app_month"));
            int n = rs.getInt("n");
            run.flag(rs.getString("claim_id"), "LN-02 该单位" + Months.format(key.month()) + "申领" + n + "人(阈值" + min + "人)");
            months.computeIfAbsent(key, k -> new int[] {n, 0})[1]++;
        });
        Map<String, Employers.Info> info = employers.find(months.keySet().stream().map(Key::employer).toList());
        months.forEach((key, v) -> {
            YearMonth ym = Months.toYearMonth(key.month());
            Employers.Info e = info.get(key.employer());
            run.alert(new Alert(code(), severity(), "EMPLOYER", key.employer(), key.employer(), e == null ? null : e.name(),
                    e == null ? null : e.regionCode(), ym.atDay(1), ym.atEndOfMonth(), "monthly_claimants",
                    Integer.toString(v[0]), Integer.toString(min), v[1]));
        });
    }
}
