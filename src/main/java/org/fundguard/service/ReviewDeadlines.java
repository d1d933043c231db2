package org.fundguard.service;

import java.time.LocalDate;
import java.time.Month;
import java.util.SortedSet;
import java.util.TreeSet;
import org.fundguard.calendar.WorkingDayCalendar;
import org.fundguard.run.ContractException;

/**
 * SVC-01 REVIEW_DEADLINE for one unreviewed claim (rules.md; outputs.md review-deadlines.csv):
 * the deadline is the {@code working_days}-th working day after the application date on the
 * official calendar; {@code OVERDUE} when {@code D > deadline}, {@code DUE_SOON} when
 * {@code D <= deadline <= D + warn_working_days} working days; {@code working_days_left} = the
 * working days in {@code (D, deadline]}, or minus those in {@code (deadline, D]}.
 *
 * <p><b>Years the calendar lacks.</b> The run stops (exit 2) when an in-scope claim or {@code D}
 * needs a year the calendar lacks, but SVC-01 also lists older unreviewed claims, whose application
 * year may precede the calendar (a 2022 claim with the calendar starting in 2023). The calendar is
 * not guessed for such a year; instead a certain bound is used. Whatever the holidays of an
 * uncovered year {@code u}, the deadline is no later than the {@code working_days}-th working day
 * after 31 December of {@code u} (the days of {@code u} after the application can only add working
 * days). With that <em>latest possible deadline</em> {@code B}, computed on covered years:
 * <ul>
 *   <li>{@code D > B}: the claim is certainly {@code OVERDUE}; the {@code deadline} cell is left
 *       empty (it is not known) and {@code working_days_left} is minus the working days in
 *       {@code (B, D]} counted on covered years only, so its magnitude is a lower bound: the claim
 *       is at least that many working days late;</li>
 *   <li>otherwise the state cannot be told without the missing year: the claim is not listed and
 *       is counted as undetermined in summary.json, with the year.</li>
 * </ul>
 * Every such claim is counted in summary.json with the years that were missing. The same bound
 * applies to a gap year between two covered years. Only the days a computation really needs are
 * classified, so {@code D + warn_working_days} is never computed past the calendar.
 */
final class ReviewDeadlines {

    static final String OVERDUE = "OVERDUE";
    static final String DUE_SOON = "DUE_SOON";

    /**
     * The result for one claim.
     *
     * @param state          {@code OVERDUE}, {@code DUE_SOON}, or null when the claim is not listed
     * @param deadline       the deadline, null when it could not be computed exactly
     * @param workingDaysLeft as outputs.md defines; a lower bound of the lateness when not exact
     * @param exact          false when a year the calendar lacks was involved
     * @param undetermined   true when the state itself could not be told
     * @param missingYears   the years the calendar lacked for this claim
     */
    record Assessment(String state, LocalDate deadline, int workingDaysLeft, boolean exact, boolean undetermined,
                      SortedSet<Integer> missingYears) {
        boolean listed() {
            return state != null;
        }
    }

    private final WorkingDayCalendar calendar;
    private final int workingDays;
    private final int warnWorkingDays;
    private final LocalDate asOf;

    ReviewDeadlines(WorkingDayCalendar calendar, int workingDays, int warnWorkingDays, LocalDate asOf) {
        if (workingDays < 0 || warnWorkingDays < 0) {
            throw new ContractException("rule.SVC-01.working_days and rule.SVC-01.warn_working_days must not be negative");
        }
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.warnWorkingDays = warnWorkingDays;
        this.asOf = asOf;
    }

    Assessment assess(LocalDate applicationDate) {
        TreeSet<Integer> missing = new TreeSet<>();
        LocalDate from = applicationDate;
        LocalDate bound;
        while (true) {
            int firstNeeded = isLastDayOfYear(from) ? from.getYear() + 1 : from.getYear();
            int uncovered = firstNeeded;
            while (calendar.covers(uncovered)) {
                uncovered++;
            }
            try {
                // classifies only the years from firstNeeded on until the deadline is found
                bound = calendar.addWorkingDays(from, workingDays);
                break;
            } catch (ContractException e) {
                missing.add(uncovered);
                if (uncovered > asOf.getYear()) {
                    // the (latest possible) deadline lies after 31 December of uncovered - 1 >= D
                    return afterCoveredYears(uncovered, missing);
                }
                from = LocalDate.of(uncovered, Month.DECEMBER, 31);
            }
        }
        if (missing.isEmpty()) {
            return exact(bound);
        }
        // bound = the latest possible deadline
        if (asOf.isAfter(bound)) {
            int late = coveredWorkingDaysBetween(bound, asOf, missing);
            return new Assessment(OVERDUE, null, -late, false, false, missing);
        }
        return new Assessment(null, null, 0, false, true, missing);
    }

    private Assessment exact(LocalDate deadline) {
        if (asOf.isAfter(deadline)) {
            TreeSet<Integer> missing = new TreeSet<>();
            int late = coveredWorkingDaysBetween(deadline, asOf, missing);
            return new Assessment(OVERDUE, deadline, -late, missing.isEmpty(), false, missing);
        }
        // D <= deadline: every year in (D, deadline] was classified to find the deadline
        int left = calendar.workingDaysBetween(asOf, deadline);
        return new Assessment(left <= warnWorkingDays ? DUE_SOON : null, deadline, left, true, false, new TreeSet<>());
    }

    /**
     * The walk needed {@code uncovered}, a year after D's: the deadline (or, when an earlier year was
     * missing too, the latest possible deadline) lies after 31 December of {@code uncovered − 1}.
     * With no earlier year missing the deadline has not passed, and it is not due soon either when
     * the working days from D to that 31 December already exceed the warning window: certainly not
     * listed. Otherwise undetermined.
     */
    private Assessment afterCoveredYears(int uncovered, SortedSet<Integer> missing) {
        if (missing.size() == 1) {
            int ahead = calendar.workingDaysBetween(asOf, LocalDate.of(uncovered - 1, Month.DECEMBER, 31));
            if (ahead > warnWorkingDays) {
                return new Assessment(null, null, ahead, false, false, new TreeSet<>()); // certain: nothing to report
            }
        }
        return new Assessment(null, null, 0, false, true, missing);
    }

    /** Working days in (a, b] on the covered years only; adds the uncovered years met to {@code missing}. */
    int coveredWorkingDaysBetween(LocalDate a, LocalDate b, SortedSet<Integer> missing) {
        if (!b.isAfter(a)) {
            return 0;
        }
        int count = 0;
        for (int y = a.getYear(); y <= b.getYear(); y++) {
            LocalDate lo = y == a.getYear() ? a : LocalDate.of(y - 1, Month.DECEMBER, 31);
            LocalDate hi = y == b.getYear() ? b : LocalDate.of(y, Month.DECEMBER, 31);
            if (!hi.isAfter(lo)) {
                continue;
            }
            if (calendar.covers(y)) {
                count += calendar.workingDaysBetween(lo, hi);
            } else {
                missing.add(y);
            }
        }
        return count;
    }

    private static boolean isLastDayOfYear(LocalDate d) {
        return d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 31;
    }
}
