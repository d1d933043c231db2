package org.fundguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.fundguard.calendar.WorkingDayCalendar;
import org.fundguard.config.JobDefinition;
import org.fundguard.run.ContractException;
import org.fundguard.screening.ReviewDeadline;
import org.junit.jupiter.api.Test;

/** Late decisions (SVC-01) as the trend report counts them agree with ReviewDeadline's deadline. */
class LateDecisionsTest {

    private final LateDecisions late = new LateDecisions(WorkingDayCalendar.official(), 10);

    @Test
    void lateExactlyWhenTheDecisionIsAfterTheDeadlineOfReviewDeadline() {
        ReviewDeadline.register();
        ReviewDeadline deadline = ReviewDeadline.of(JobDefinition.defaults());
        int compared = 0;
        for (LocalDate app = LocalDate.of(2023, 1, 1); app.isBefore(LocalDate.of(2026, 12, 1)); app = app.plusDays(1)) {
            LocalDate due = deadline.deadline(app);
            for (int days = 0; days <= 30; days++) {
                LocalDate decision = app.plusDays(days);
                if (decision.getYear() > 2026) {
                    continue;
                }
                assertThat(late.late(app, decision)).as(app + " decided " + decision).isEqualTo(decision.isAfter(due));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40_000);
    }

    @Test
    void nationalDayAndSpringFestival() {
        // 2025-09-26 (Fri): 09-28 (Sunday, work), 09-29, 09-30, 10-01..08 off, 10-09, 10-10, 10-11 (Saturday, work),
        // 10-13..16: the 10th working day is 2025-10-16
        assertThat(late.late(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 15))).isFalse();
        assertThat(late.late(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 16))).isFalse();
        assertThat(late.late(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 17))).isTrue();
        // 2025-01-24 (Fri): 01-26 (Sunday, work), 01-27, 01-28..02-04 off, 02-05..07, 02-08 (Saturday, work), 02-10..13
        assertThat(late.late(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 13))).isFalse();
        assertThat(late.late(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 14))).isTrue();
        // 2024-11-20 (Wed): deadline 2024-12-04
        assertThat(late.late(LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 4))).isFalse();
        assertThat(late.late(LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 5))).isTrue();
        // a decision on or before the application day is never late
        assertThat(late.late(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3))).isFalse();
        assertThat(late.late(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 1))).isFalse();
    }

    @Test
    void aYearTheCalendarLacksIsNeverGuessed() {
        assertThat(late.covers(2023)).isTrue();
        assertThat(late.covers(2022)).isFalse();
        assertThatThrownBy(() -> late.late(LocalDate.of(2022, 12, 20), LocalDate.of(2023, 1, 10)))
                .isInstanceOf(ContractException.class).hasMessageContaining("2022");
        // a decision in the last covered year whose deadline would fall in the next one is still decided
        assertThat(late.late(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31))).isFalse();
    }
}
