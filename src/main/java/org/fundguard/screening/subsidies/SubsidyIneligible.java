package org.fundguard.screening.subsidies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.run.Dialect;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-08: among non-rejected applications dated up to D (flagged when in scope), any of
 * <ul>
 * <li>late: {@code application_date} after {@code issue_date + apply_within_months} months, clamped
 * to the month's end as java.time does. With N the months, the clamped date is in month
 * {@code month(issue) + N} on day {@code min(day(issue), length of that month)}, so the application is
 * late exactly when {@code month(app) > month(issue) + N}, or {@code month(app) = month(issue) + N} and
 * {@code day(app) > day(issue)} (a day past the month's length cannot occur): integer month numbers
 * and days of month, no month lengths needed (2024-02-29 + 12 months = 2025-02-28 is in time);</li>
 * <li>an {@code EMPLOYEE} with fewer than {@code min_insured_months} distinct contribution periods
 * (any employer) before {@code month(application_date)};</li>
 * <li>beyond the first {@code max_per_year} applications of the person in the calendar year of its
 * application_date (by application_date, then application_id in code-point order).</li>
 * </ul>
 */
@Component
public class SubsidyIneligible extends SubsidyRuleBase {

    static final String SQL = """
            SELECT x.* FROM (
              SELECT r.application_id, r.issue_date, r.application_date, r.nth, r.applicant_type,
                     CASE WHEN r.app_month > r.issue_month + :apply_within_months
                            OR (r.app_month = r.issue_month + :apply_within_months AND r.app_dom > r.issue_dom)
                          THEN 1 ELSE 0 END AS late,
                     CASE WHEN r.applicant_type = 'EMPLOYEE'
                          THEN (SELECT COUNT(DISTINCT k.period_month) FROM contribution k
                                 WHERE k.person_id = r.person_id AND k.period_month < r.app_month)
                          ELSE NULL END AS insured
                FROM (SELECT s.application_id, s.person_id, s.applicant_type, s.issue_date, s.application_date,
                             s.app_day, s.app_month,
                             CAST(EXTRACT(YEAR FROM s.issue_date) * 12 + EXTRACT(MONTH FROM s.issue_date) - 1 AS INT) AS issue_month,
                             CAST(EXTRACT(DAY FROM s.issue_date) AS INT) AS issue_dom,
                             CAST(EXTRACT(DAY FROM s.application_date) AS INT) AS app_dom,
                             ROW_NUMBER() OVER (PARTITION BY s.person_id, s.app_month / 12 ORDER BY s.app_day, %s) AS nth
                        FROM subsidy s
                       WHERE %s) r
               WHERE r.app_day >= :scopeStart) x
             WHERE x.late = 1 OR x.insured < :min_insured_months OR x.nth > :max_per_year
            """;

    private final String sql;

    public SubsidyIneligible(Dialect dialect) {
        super("SKL-08", "SUBSIDY_INELIGIBLE",
                "人社部发〔2024〕40号 参保满1年、取得证书之日起12个月内申请、每人每年享受次数有限",
                "核实申请人参保缴费时间、申请时限及当年已享受补贴次数，不符合条件的不予发放",
                "apply_within_months", "12", "min_insured_months", "12", "max_per_year", "3");
        this.sql = SQL.formatted(dialect == Dialect.POSTGRESQL ? "s.application_id COLLATE \"C\"" : "s.application_id", COUNTED);
    }

    @Override
    public void screen(RuleRun run) {
        int within = run.integer("apply_within_months");
        int minInsured = run.integer("min_insured_months");
        int maxPerYear = run.integer("max_per_year");
        run.query(sql, rs -> {
            LocalDate issue = rs.getObject("issue_date", LocalDate.class);
            LocalDate applied = rs.getObject("application_date", LocalDate.class);
            List<String> broken = new ArrayList<>();
            if (rs.getInt("late") == 1) {
                broken.add("超过发证后" + within + "个月申请(发证" + issue + "、期限" + issue.plusMonths(within) + "、申请" + applied + ")");
            }
            int insured = rs.getInt("insured");
            if (!rs.wasNull() && insured < minInsured) {
                broken.add("申请前参保缴费" + insured + "个月(阈值" + minInsured + "个月)");
            }
            long nth = rs.getLong("nth");
            if (nth > maxPerYear) {
                broken.add(applied.getYear() + "年第" + nth + "次申请(阈值每年" + maxPerYear + "次)");
            }
            run.flag(rs.getString("application_id"), "SKL-08 不符合补贴条件：" + String.join("，", broken));
        });
    }
}
