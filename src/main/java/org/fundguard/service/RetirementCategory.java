package org.fundguard.service;

import org.fundguard.extract.Identifiers;

/**
 * The three statutory retirement-age categories of the claims extract ({@code retirement_category},
 * 原法定退休年龄类别) with the parameters of the gradual raise decided by the NPC Standing Committee
 * on 2024-09-13 (rules.md SVC-06): base age, the first birth year affected ({@code Y0}), months of
 * birth per month of delay ({@code k}) and the largest delay ({@code cap}).
 */
public enum RetirementCategory {
    /** Men, 60 → 63: one month more per four months of birth from January 1965. */
    M60(60, 1965, 4, 36),
    /** Women in the 55 category, 55 → 58: one month more per four months of birth from January 1970. */
    F55(55, 1970, 4, 36),
    /** Women in the 50 category, 50 → 55: one month more per two months of birth from January 1975. */
    F50(50, 1975, 2, 60);

    private final int baseYears;
    private final int firstBirthYear;
    private final int monthsPerStep;
    private final int maxDelayMonths;

    RetirementCategory(int baseYears, int firstBirthYear, int monthsPerStep, int maxDelayMonths) {
        this.baseYears = baseYears;
        this.firstBirthYear = firstBirthYear;
        this.monthsPerStep = monthsPerStep;
        this.maxDelayMonths = maxDelayMonths;
    }

    public int baseYears() {
        return baseYears;
    }

    public int firstBirthYear() {
        return firstBirthYear;
    }

    public int monthsPerStep() {
        return monthsPerStep;
    }

    public int maxDelayMonths() {
        return maxDelayMonths;
    }

    /**
     * The claim's category: the stored one, or the default of extracts.md when it is null
     * ({@code M60} for men, {@code F50} for women; gender from digit 17 of {@code person_id}).
     */
    public static RetirementCategory of(String stored, String personId) {
        if (stored != null && !stored.isBlank()) {
            return valueOf(stored.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return Identifiers.isMale(personId) ? M60 : F50;
    }
}
