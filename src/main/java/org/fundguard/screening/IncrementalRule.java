package org.fundguard.screening;

/**
 * A claim rule that can screen incrementally (V14): on a night after a basis night screened
 * with the same parameters, it re-screens only the claims its focus selects and the basis
 * night's flags of every other in-scope claim are carried over unchanged.
 *
 * <p>The focus must select every claim whose flag or evidence can differ from the basis night's,
 * given the night's focus tables: {@code focus_person} (person, first month: persons with a
 * contribution row merged since the basis, from its earliest month; with a claim row merged
 * since the basis or a claim that entered the as-of window, every month; when D moved to a later
 * month, with a contribution month after the basis month, from the month after) and
 * {@code focus_employer} (employer,
 * month range: contributions and claims merged since the basis, old and new values; claims that
 * entered or left the window; employers whose row changed: every month).
 */
public interface IncrementalRule extends ClaimRule {

    /**
     * SQL: person {@code person} is in focus from month {@code month} (an SQL month number) or
     * earlier: a contribution or claim of theirs changed that reaches that month.
     */
    static String personInFocusBy(String person, String month) {
        return "EXISTS (SELECT 1 FROM focus_person f WHERE f.person_id = " + person + " AND f.first_m <= " + month + ")";
    }

    /**
     * SQL: month {@code month} of employer {@code employer} is in focus, each focus range
     * reaching {@code reach} (SQL, e.g. {@code "(:window_months - 1)"}, or {@code "0"}) months on.
     */
    static String employerMonthInFocus(String employer, String month, String reach) {
        return "EXISTS (SELECT 1 FROM focus_employer f WHERE f.employer_id = " + employer + " AND " + month
                + " BETWEEN f.first_m AND f.last_m + " + reach + ")";
    }

    /** SQL: the month number (year × 12 + month − 1) of a date column. */
    static String monthOf(String date) {
        return "CAST(EXTRACT(YEAR FROM " + date + ") * 12 + EXTRACT(MONTH FROM " + date + ") - 1 AS INT)";
    }

    /** SQL condition on the claim table under {@code alias}: the claims to re-screen. */
    String focus(String alias);

    /**
     * SQL condition on the alert table under {@code alias}: the basis night's alerts that the
     * re-screen replaces (the others are carried over); {@code null} when the rule raises none.
     */
    default String alertFocus(String alias) {
        return null;
    }
}
