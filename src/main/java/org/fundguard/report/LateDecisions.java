package org.fundguard.report;

import java.time.LocalDate;
import org.fundguard.calendar.WorkingDayCalendar;

/**
 * SVC-01's late decision for the trend report: {@code decision_date > deadline(c)}, where the
 * deadline is the {@code working_days}-th working day after the application date. Decided as
 * "the working days in (application_date, decision_date − 1] reach working_days", which is the
 * same thing (the deadline is on or before decision − 1 exactly when that many working days lie
 * up to it) but classifies only days up to the decision, so a decision made in a year the
 * calendar covers never needs a later year. Throws the calendar's ContractException when a year
 * it needs is not covered.
 */
final class LateDecisions {

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    LateDecisions(WorkingDayCalendar calendar, int workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    boolean late(LocalDate applicationDate, LocalDate decisionDate) {
        if (!decisionDate.isAfter(applicationDate)) {
            return false; // the deadline is after the application day (or the day itself when working_days = 0)
        }
        return calendar.workingDaysBetween(applicationDate, decisionDate.minusDays(1)) >= workingDays;
    }

    boolean covers(int year) {
        return calendar.covers(year);
    }
}
