package org.fundguard.service;

import static org.fundguard.extract.Extract.CLAIMS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;

/** Builders of claim rows for the service-list tests. */
final class ServiceData {

    private ServiceData() {
    }

    static String p(int n) {
        return Ids.person(n);
    }

    static String e(int n) {
        return Ids.employer(n);
    }

    /**
     * One claim of person {@code p(person)} with column overrides; when {@code application_date} is
     * given without {@code separation_date}, the separation is the day before the application.
     */
    static void claim(ExtractDir x, String id, int person, String... overrides) {
        claimOf(x, id, p(person), overrides);
    }

    static void claimOf(ExtractDir x, String id, String personId, String... overrides) {
        List<String> row = new ArrayList<>(List.of("claim_id", id, "person_id", personId));
        List<String> more = Arrays.asList(overrides);
        row.addAll(more);
        int app = indexOfKey(more, "application_date");
        if (app >= 0 && indexOfKey(more, "separation_date") < 0) {
            row.add("separation_date");
            row.add(LocalDate.parse(more.get(app + 1)).minusDays(1).toString());
        }
        x.row(CLAIMS, row.toArray(String[]::new));
    }

    private static int indexOfKey(List<String> pairs, String key) {
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Overrides of a decided claim: status and decision date, then more overrides. */
    static String[] decided(String status, String decisionDate, String... more) {
        List<String> row = new ArrayList<>(List.of("status", status, "decision_date", decisionDate));
        row.addAll(Arrays.asList(more));
        return row.toArray(String[]::new);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
