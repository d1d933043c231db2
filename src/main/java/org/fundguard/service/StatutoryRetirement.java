package org.fundguard.service;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Statutory retirement dates before and after the reform (rules.md SVC-06; 全国人民代表大会常务委员会
 * 关于实施渐进式延迟法定退休年龄的决定, 2024-09-13, in force 2025-01-01).
 *
 * <ul>
 *   <li>old date = birth date + 60 / 55 / 50 years by category (clamped to the month's end, as
 *       java.time does: born 29 February → 28 February);</li>
 *   <li>delay months: {@code d = (birth_year − Y0) × 12 + (birth_month − 1)}; 0 when {@code d < 0},
 *       else {@code min(floor(d / k) + 1, cap)};</li>
 *   <li>new date = old date + delay months (clamped).</li>
 * </ul>
 * Pure and stateless.
 */
public final class StatutoryRetirement {

    /** The cohort date of 国 三: claimants drawing benefits on 2024-12-31. */
    public static final LocalDate COHORT_DAY = LocalDate.of(2024, 12, 31);

    private StatutoryRetirement() {
    }

    public static int delayMonths(RetirementCategory category, YearMonth birth) {
        int d = (birth.getYear() - category.firstBirthYear()) * 12 + (birth.getMonthValue() - 1);
        if (d < 0) {
            return 0;
        }
        return Math.min(d / category.monthsPerStep() + 1, category.maxDelayMonths());
    }

    /** The retirement date before the reform. */
    public static LocalDate oldDate(RetirementCategory category, LocalDate birth) {
        return birth.plusYears(category.baseYears());
    }

    /** The retirement date after the reform. */
    public static LocalDate newDate(RetirementCategory category, LocalDate birth) {
        return oldDate(category, birth).plusMonths(delayMonths(category, YearMonth.from(birth)));
    }

    /**
     * 国 三's transitional continuation for a claimant whose benefits end on {@code benefitEnd}
     * ({@code E}): eligible when {@code new date > E + 1 year} and {@code old date < E + 1 year};
     * the benefits may then continue until the old retirement date, which is returned. Null when not
     * eligible.
     */
    public static LocalDate continuationUntil(RetirementCategory category, LocalDate birth, LocalDate benefitEnd) {
        LocalDate oneYearAfter = benefitEnd.plusYears(1);
        LocalDate oldDate = oldDate(category, birth);
        LocalDate newDate = newDate(category, birth);
        return newDate.isAfter(oneYearAfter) && oldDate.isBefore(oneYearAfter) ? oldDate : null;
    }
}
