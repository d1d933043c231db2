package org.fundguard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundguard.extract.Months;

/**
 * The trend report's series over the 24 months up to month(D), filled on the month × city grid:
 * every city that has any row gets every month (zeros included), plus {@code ALL}, the sum.
 * Months are indexed 0..23 (index 23 = month(D)).
 */
final class TrendData {

    static final String ALL = "ALL";
    static final int MONTHS = 24;

    /** The counts of one city (or ALL) in one month. */
    static final class Cell {
        long claimsReceived;
        long claimsDecided;
        long decidedLate;
        long claimsApproved;
        long flaggedClaims;
        long subsidyApplications;
        BigDecimal subsidyPaidAmount = BigDecimal.ZERO.setScale(2);
        long flaggedApplications;

        void add(Cell o) {
            claimsReceived += o.claimsReceived;
            claimsDecided += o.claimsDecided;
            decidedLate += o.decidedLate;
            claimsApproved += o.claimsApproved;
            flaggedClaims += o.flaggedClaims;
            subsidyApplications += o.subsidyApplications;
            subsidyPaidAmount = subsidyPaidAmount.add(o.subsidyPaidAmount);
            flaggedApplications += o.flaggedApplications;
        }

        /** flagged_claims / claims_received with 4 decimals, or null when nothing was received. */
        BigDecimal flaggedShare() {
            if (claimsReceived == 0) {
                return null;
            }
            return BigDecimal.valueOf(flaggedClaims).divide(BigDecimal.valueOf(claimsReceived), 4, RoundingMode.HALF_UP);
        }
    }

    /** An SKL-06 alert: city {@code city} surged in {@code month} (index), paid {@code value} against {@code threshold}. */
    record Surge(int index, String city, BigDecimal value, BigDecimal threshold) {
    }

    final LocalDate asOf;
    /** Month number (year * 12 + month - 1) of index 0. */
    final int firstMonth;
    /** Cities in code-point order, without ALL. */
    final List<String> cities;
    /** City (and ALL) → one cell per month. */
    final Map<String, Cell[]> cells;
    /** Whether decided_late is available for the month (the calendar covers it). */
    final boolean[] lateAvailable;
    /** City (and ALL) → rule → flagged cases per month. */
    final Map<String, Map<String, long[]>> rules;
    /** City (and ALL) → rule → alerts first raised per month; alerts without a region count in ALL only. */
    final Map<String, Map<String, long[]>> alerts;
    /** SKL-06 surges in the window, by month then city. */
    final List<Surge> surges;

    TrendData(LocalDate asOf, List<String> cities, Map<String, Cell[]> cells, boolean[] lateAvailable,
              Map<String, Map<String, long[]>> rules, Map<String, Map<String, long[]>> alerts, List<Surge> surges) {
        this.asOf = asOf;
        this.firstMonth = Months.of(asOf) - (MONTHS - 1);
        this.cities = List.copyOf(cities);
        this.cells = cells;
        this.lateAvailable = lateAvailable;
        this.rules = rules;
        this.alerts = alerts;
        this.surges = List.copyOf(surges);
    }

    /** yyyy-MM of month index {@code i}. */
    String month(int i) {
        return Months.format(firstMonth + i);
    }

    List<String> monthLabels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            labels.add(month(i));
        }
        return labels;
    }

    /** The cities then ALL: the row order of every per-month listing. */
    List<String> citiesThenAll() {
        List<String> all = new ArrayList<>(cities);
        all.add(ALL);
        return all;
    }

    Cell cell(String city, int i) {
        return cells.get(city)[i];
    }

    /** decided_late, or null when the calendar does not cover the month. */
    Long decidedLate(String city, int i) {
        return lateAvailable[i] ? cell(city, i).decidedLate : null;
    }

    /** Rule → per-month counts of a city (or ALL); empty when nothing. */
    Map<String, long[]> rulesOf(String city) {
        return rules.getOrDefault(city, new TreeMap<>());
    }

    Map<String, long[]> alertsOf(String city) {
        return alerts.getOrDefault(city, new TreeMap<>());
    }

    /** Alerts first raised in month {@code i} in a city (or ALL), all rules. */
    long alertsIn(String city, int i) {
        long n = 0;
        for (long[] v : alertsOf(city).values()) {
            n += v[i];
        }
        return n;
    }
}
