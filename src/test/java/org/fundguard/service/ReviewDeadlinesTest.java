package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.fundguard.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** SVC-01's states and working_days_left on the official calendar, including years it lacks. */
class ReviewDeadlinesTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.official();

    static ReviewDeadlines at(String asOf) {
        return new ReviewDeadlines(CAL, 10, 2, LocalDate.parse(asOf));
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void springFestival2025_deadlineOnAnAdjustedSaturday() {
        // 2025-01-20: 21,22,23,24, Sun 26 (调休上班), 27, [28 Jan - 4 Feb off], 5, 6, 7, Sat 8 Feb (调休上班)
        ReviewDeadlines.Assessment a = at("2025-02-07").assess(d("2025-01-20"));
        assertThat(a.deadline()).isEqualTo(d("2025-02-08"));
        assertThat(a.state()).isEqualTo(ReviewDeadlines.DUE_SOON);
        assertThat(a.workingDaysLeft()).isEqualTo(1);
        assertThat(a.exact()).isTrue();

        ReviewDeadlines.Assessment late = at("2025-02-10").assess(d("2025-01-20"));
        assertThat(late.state()).isEqualTo(ReviewDeadlines.OVERDUE);
        assertThat(late.workingDaysLeft()).isEqualTo(-1); // Sun 9 Feb is off, Mon 10 Feb counts
    }

    @Test
    void dueSoonWindowIncludesDAndWarnWorkingDays() {
        ReviewDeadlines r = at("2025-02-07");
        assertThat(r.assess(d("2025-01-17")).deadline()).isEqualTo(d("2025-02-07"));
        assertThat(r.assess(d("2025-01-17")).state()).isEqualTo(ReviewDeadlines.DUE_SOON);
        assertThat(r.assess(d("2025-01-17")).workingDaysLeft()).isZero();
        assertThat(r.assess(d("2025-01-21")).deadline()).isEqualTo(d("2025-02-10"));
        assertThat(r.assess(d("2025-01-21")).workingDaysLeft()).isEqualTo(2);
        assertThat(r.assess(d("2025-01-21")).state()).isEqualTo(ReviewDeadlines.DUE_SOON);
        assertThat(r.assess(d("2025-01-22")).deadline()).isEqualTo(d("2025-02-11"));
        assertThat(r.assess(d("2025-01-22")).listed()).isFalse();
        assertThat(r.assess(d("2025-01-16")).state()).isEqualTo(ReviewDeadlines.OVERDUE);
        assertThat(r.assess(d("2025-01-16")).workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void nationalDay2025() {
        // 2025-09-26: Sun 28 Sep (调休上班), 29, 30, [1-8 Oct off], 9, 10, Sat 11 Oct (调休上班), 13, 14, 15, 16
        ReviewDeadlines.Assessment a = at("2025-10-15").assess(d("2025-09-26"));
        assertThat(a.deadline()).isEqualTo(d("2025-10-16"));
        assertThat(a.workingDaysLeft()).isEqualTo(1);
        assertThat(a.state()).isEqualTo(ReviewDeadlines.DUE_SOON);
    }

    @Test
    void newYear2026() {
        // 2025-12-24: 25, 26, 29, 30, 31, [1-3 Jan off], Sun 4 Jan (调休上班), 5, 6, 7, 8
        ReviewDeadlines.Assessment a = at("2026-01-07").assess(d("2025-12-24"));
        assertThat(a.deadline()).isEqualTo(d("2026-01-08"));
        assertThat(a.workingDaysLeft()).isEqualTo(1);
        assertThat(at("2026-01-07").assess(d("2025-12-22")).deadline()).isEqualTo(d("2026-01-06"));
        assertThat(at("2026-01-07").assess(d("2025-12-22")).workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void aYearBeforeTheCalendarIsNotGuessed() {
        // 2022 is not covered; the latest possible deadline is the 10th working day after 2022-12-31: 2023-01-16
        ReviewDeadlines.Assessment a = at("2026-01-07").assess(d("2022-06-01"));
        assertThat(a.state()).isEqualTo(ReviewDeadlines.OVERDUE);
        assertThat(a.deadline()).isNull();
        assertThat(a.exact()).isFalse();
        assertThat(a.missingYears()).containsExactly(2022);
        assertThat(a.workingDaysLeft()).isEqualTo(-CAL.workingDaysBetween(d("2023-01-16"), d("2026-01-07")));

        // 31 December 2022 itself needs no 2022 classification
        ReviewDeadlines.Assessment dec31 = at("2026-01-07").assess(d("2022-12-31"));
        assertThat(dec31.exact()).isTrue();
        assertThat(dec31.deadline()).isEqualTo(d("2023-01-16"));

        // D before the latest possible deadline: undetermined, not listed
        ReviewDeadlines.Assessment early = at("2023-01-10").assess(d("2022-01-03"));
        assertThat(early.undetermined()).isTrue();
        assertThat(early.listed()).isFalse();
        assertThat(early.missingYears()).containsExactly(2022);
    }

    @Test
    void aYearAfterTheCalendarIsNotGuessedEither() {
        // applied 2026-12-20: only 9 working days left in 2026, so the deadline is in 2027, which is not covered;
        // on 2026-12-21 the 8 working days up to 31 December already exceed the warning window: certainly not listed
        ReviewDeadlines.Assessment far = at("2026-12-21").assess(d("2026-12-20"));
        assertThat(far.listed()).isFalse();
        assertThat(far.undetermined()).isFalse();
        assertThat(far.missingYears()).isEmpty();
        // on 2026-12-31 it might be due within two working days: undetermined, 2027 reported
        ReviewDeadlines.Assessment near = at("2026-12-31").assess(d("2026-12-30"));
        assertThat(near.listed()).isFalse();
        assertThat(near.undetermined()).isTrue();
        assertThat(near.missingYears()).containsExactly(2027);
    }

    @Test
    void workingDaysParameterIsHonoured() {
        ReviewDeadlines r = new ReviewDeadlines(CAL, 0, 0, d("2026-01-07"));
        assertThat(r.assess(d("2026-01-07")).state()).isEqualTo(ReviewDeadlines.DUE_SOON);
        assertThat(r.assess(d("2026-01-07")).deadline()).isEqualTo(d("2026-01-07"));
        assertThat(r.assess(d("2026-01-06")).state()).isEqualTo(ReviewDeadlines.OVERDUE);
    }
}
