package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.service.RetirementCategory.F50;
import static org.fundguard.service.RetirementCategory.F55;
import static org.fundguard.service.RetirementCategory.M60;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory retirement dates of SVC-06 against the official table (附件 of the 2024-09-13
 * decision: 男职工 / 原法定退休年龄55周岁女职工 / 原法定退休年龄50周岁女职工延迟法定退休年龄对照表).
 */
class StatutoryRetirementTest {

    /** category, birth month, retirement age (years, months), retirement month. */
    @ParameterizedTest(name = "{0} born {1}: {2}y{3}m, retires {4}")
    @CsvSource({
            // men, 60 → 63
            "M60, 1964-12, 60, 0, 2024-12",
            "M60, 1965-01, 60, 1, 2025-02",
            "M60, 1965-04, 60, 1, 2025-05",
            "M60, 1965-05, 60, 2, 2025-07",
            "M60, 1976-08, 62, 11, 2039-07",
            "M60, 1976-09, 63, 0, 2039-09",
            "M60, 1980-01, 63, 0, 2043-01",
            // women in the 55 category, 55 → 58
            "F55, 1969-12, 55, 0, 2024-12",
            "F55, 1970-01, 55, 1, 2025-02",
            "F55, 1970-05, 55, 2, 2025-07",
            "F55, 1981-09, 58, 0, 2039-09",
            // women in the 50 category, 50 → 55
            "F50, 1974-12, 50, 0, 2024-12",
            "F50, 1975-01, 50, 1, 2025-02",
            "F50, 1975-02, 50, 1, 2025-03",
            "F50, 1975-03, 50, 2, 2025-05",
            "F50, 1984-10, 54, 11, 2039-09",
            "F50, 1984-11, 55, 0, 2039-11",
    })
    void reproducesTheOfficialTable(RetirementCategory category, String birthMonth, int years, int months, String retires) {
        LocalDate birth = YearMonth.parse(birthMonth).atDay(15);
        LocalDate newDate = StatutoryRetirement.newDate(category, birth);
        assertThat(Period.between(birth, newDate)).isEqualTo(Period.of(years, months, 0));
        assertThat(YearMonth.from(newDate)).isEqualTo(YearMonth.parse(retires));
        assertThat(StatutoryRetirement.oldDate(category, birth)).isEqualTo(birth.plusYears(category.baseYears()));
    }

    @Test
    void delayFormula() {
        assertThat(StatutoryRetirement.delayMonths(M60, YearMonth.of(1964, 12))).isZero();
        assertThat(StatutoryRetirement.delayMonths(M60, YearMonth.of(1965, 1))).isEqualTo(1);
        assertThat(StatutoryRetirement.delayMonths(M60, YearMonth.of(1965, 5))).isEqualTo(2);
        assertThat(StatutoryRetirement.delayMonths(M60, YearMonth.of(1990, 1))).isEqualTo(36);
        assertThat(StatutoryRetirement.delayMonths(F55, YearMonth.of(1970, 1))).isEqualTo(1);
        assertThat(StatutoryRetirement.delayMonths(F50, YearMonth.of(1975, 3))).isEqualTo(2);
        assertThat(StatutoryRetirement.delayMonths(F50, YearMonth.of(1990, 1))).isEqualTo(60);
    }

    @Test
    void datesClampToTheMonthsEnd() {
        // born 1965-01-31: old 2025-01-31, one month more → 2025-02-28
        assertThat(StatutoryRetirement.newDate(M60, LocalDate.of(1965, 1, 31))).isEqualTo(LocalDate.of(2025, 2, 28));
        // born on 29 February: 50 years later is not a leap year → 28 February
        assertThat(StatutoryRetirement.oldDate(F50, LocalDate.of(1976, 2, 29))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void categoryDefaultsByGenderDigit() {
        String man = Ids.person("210102", "19660115", 1);
        String woman = Ids.person("210102", "19660115", 2);
        assertThat(RetirementCategory.of(null, man)).isEqualTo(M60);
        assertThat(RetirementCategory.of(null, woman)).isEqualTo(F50);
        assertThat(RetirementCategory.of("F55", woman)).isEqualTo(F55);
        assertThat(RetirementCategory.of("", woman)).isEqualTo(F50);
    }

    /**
     * Man born 1966-01-15: delay 4 months, old date 2026-01-15, new date 2026-05-15. Eligible when
     * new > E + 1y and old < E + 1y, i.e. E in (2025-01-15, 2025-05-15).
     */
    @Test
    void eligibilityAtTheOneYearBoundaries() {
        LocalDate birth = LocalDate.of(1966, 1, 15);
        LocalDate old = LocalDate.of(2026, 1, 15);
        assertThat(StatutoryRetirement.oldDate(M60, birth)).isEqualTo(old);
        assertThat(StatutoryRetirement.newDate(M60, birth)).isEqualTo(LocalDate.of(2026, 5, 15));
        // new date exactly E + 1 year: not more than a year away
        assertThat(StatutoryRetirement.continuationUntil(M60, birth, LocalDate.of(2025, 5, 15))).isNull();
        // E a day earlier: the new date is a year and a day away
        assertThat(StatutoryRetirement.continuationUntil(M60, birth, LocalDate.of(2025, 5, 14))).isEqualTo(old);
        // old date exactly E + 1 year: not less than a year away
        assertThat(StatutoryRetirement.continuationUntil(M60, birth, LocalDate.of(2025, 1, 15))).isNull();
        // E a day later: the old date is a day less than a year away
        assertThat(StatutoryRetirement.continuationUntil(M60, birth, LocalDate.of(2025, 1, 16))).isEqualTo(old);
    }

    @Test
    void unaffectedCohortsAreNeverEligible() {
        // born 1964-12: old = new, so new > E+1y and old < E+1y cannot both hold
        LocalDate birth = LocalDate.of(1964, 12, 10);
        for (LocalDate e = LocalDate.of(2023, 1, 1); e.isBefore(LocalDate.of(2026, 1, 1)); e = e.plusDays(1)) {
            assertThat(StatutoryRetirement.continuationUntil(M60, birth, e)).isNull();
        }
    }
}
