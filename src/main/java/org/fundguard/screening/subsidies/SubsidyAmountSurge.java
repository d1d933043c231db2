package org.fundguard.screening.subsidies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.fundguard.extract.Months;
import org.fundguard.run.ContractException;
import org.fundguard.screening.Alert;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-06 (alert only): per city k (first 4 digits of the application's region_code) and month m,
 * {@code paid(k, m)} = the amounts of {@code PAID} applications with {@code month(paid_date) = m}
 * ({@code paid_date} and {@code application_date} up to D); {@code base} = the mean of the
 * {@code baseline_months} months before m (missing = 0). An alert when
 * {@code paid >= factor × base} and {@code paid − base >= min_increase}, for every m in
 * [month(D) − 11, month(D)].
 *
 * <p>SQL sums per city and month; each month of the 12 then gets the sum of its baseline months
 * (one row per city and month with a payment); the comparisons are exact BigDecimal arithmetic
 * with the mean's division multiplied out: {@code paid × B >= factor × S} and
 * {@code paid × B − S >= min_increase × B}, S the baseline sum.
 */
@Component
public class SubsidyAmountSurge extends SubsidyRuleBase {

    /** Paid sums per city and month (a few hundred rows); the baseline is summed in Java (H2 would re-run a self-joined CTE per row). */
    static final String SQL = """
            SELECT SUBSTRING(s.region_code, 1, 4) AS k, s.paid_month AS m, SUM(s.amount) AS amount, COUNT(*) AS n
              FROM subsidy s
             WHERE s.status = 'PAID' AND s.paid_day <= :d AND s.app_day <= :d
               AND s.paid_month BETWEEN :dMonth - 11 - :baseline_months AND :dMonth
             GROUP BY SUBSTRING(s.region_code, 1, 4), s.paid_month
            """;

    private record Paid(BigDecimal amount, int n) {
    }

    public SubsidyAmountSurge() {
        super("SKL-06", "SUBSIDY_AMOUNT_SURGE",
                "国 六 \"对技能提升补贴发放情况进行分析，发现补贴发放金额快速上升等异常情况及时预警\"",
                "分析该地区技能提升补贴发放金额快速上升的原因，联系职业技能鉴定部门重点核查相关证书及补贴发放",
                "factor", "1.5", "min_increase", "50000", "baseline_months", "3");
    }

    @Override
    public void screen(RuleRun run) {
        BigDecimal factor = run.decimal("factor");
        BigDecimal minIncrease = run.decimal("min_increase");
        int months = run.integer("baseline_months");
        if (months < 1) {
            throw new ContractException("job parameter " + RuleRun.key(this, "baseline_months") + " must be at least 1");
        }
        BigDecimal b = BigDecimal.valueOf(months);
        java.util.Map<String, java.util.TreeMap<Integer, Paid>> byCity = new java.util.TreeMap<>();
        run.query(SQL, rs -> byCity.computeIfAbsent(rs.getString("k"), k -> new java.util.TreeMap<>())
                .put(rs.getInt("m"), new Paid(rs.getBigDecimal("amount"), rs.getInt("n"))));
        byCity.forEach((k, months12) -> months12.forEach((month, p) -> {
            if (month < run.asOfMonth() - 11) {
                return; // a baseline month only
            }
            BigDecimal sum = BigDecimal.ZERO; // missing months count as 0
            for (Paid base : months12.subMap(month - months, true, month - 1, true).values()) {
                sum = sum.add(base.amount());
            }
            BigDecimal paidTimesB = p.amount().multiply(b);
            if (paidTimesB.compareTo(factor.multiply(sum)) >= 0 && paidTimesB.subtract(sum).compareTo(minIncrease.multiply(b)) >= 0) {
                String city = k + "00";
                YearMonth m = Months.toYearMonth(month);
                // related_cases: the PAID applications of the city paid in the month (what the value sums)
                run.alert(new Alert(code(), severity(), "REGION", city, city, null, city, m.atDay(1), m.atEndOfMonth(),
                        "paid_amount", money(p.amount()), threshold(factor, sum, b), p.n()));
            }
        }));
    }

    /**
     * factor × base = factor × S / B as an exact decimal (at least 2 decimals: "75000.00"; with the
     * defaults it has at most 3). When the division does not terminate (another factor or
     * baseline_months), the smallest cent amount at or above it: what a paid amount in cents must reach.
     */
    static String threshold(BigDecimal factor, BigDecimal sum, BigDecimal months) {
        BigDecimal x = factor.multiply(sum);
        try {
            return money(x.divide(months));
        } catch (ArithmeticException nonTerminating) {
            return money(x.divide(months, 2, RoundingMode.CEILING));
        }
    }

    /** At least two decimals, plain. */
    static String money(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }
}
