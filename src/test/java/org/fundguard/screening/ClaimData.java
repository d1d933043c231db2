package org.fundguard.screening;

import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;

/**
 * Small builders for the claim-rule tests: contribution histories, staff lists, single claims
 * and the expected sets of claim ids. Persons are {@link Ids#person(int)} numbers (unique for
 * 0..999), employers {@link Ids#employer(int)} numbers.
 */
final class ClaimData {

    private ClaimData() {
    }

    static String p(int n) {
        return Ids.person(n);
    }

    static String e(int n) {
        return Ids.employer(n);
    }

    /** Employers {@code numbers} delivered by employers.csv (so alerts carry a name and region). */
    static void employers(ExtractDir x, int... numbers) {
        for (int n : numbers) {
            x.row(EMPLOYERS, "employer_id", e(n), "employer_name", "测试单位" + n);
        }
    }

    /** One contribution row of {@code person} with {@code employer} for every month {@code from..to} (yyyy-MM, inclusive). */
    static void months(ExtractDir x, String person, String employer, String from, String to) {
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            x.row(CONTRIBUTIONS, "person_id", person, "employer_id", employer, "period", m.toString());
        }
    }

    /** {@code count} persons numbered from {@code base}, each with a contribution of {@code employer} in every period given. */
    static void staff(ExtractDir x, String employer, int base, int count, String... periods) {
        for (int i = 0; i < count; i++) {
            for (String period : periods) {
                x.row(CONTRIBUTIONS, "person_id", p(base + i), "employer_id", employer, "period", period);
            }
        }
    }

    /** One claim: id, person number, last employer number, then column overrides. */
    static void claim(ExtractDir x, String id, int person, int employer, String... overrides) {
        String[] row = new String[overrides.length + 6];
        row[0] = "claim_id";
        row[1] = id;
        row[2] = "person_id";
        row[3] = p(person);
        row[4] = "last_employer_id";
        row[5] = e(employer);
        System.arraycopy(overrides, 0, row, 6, overrides.length);
        x.row(CLAIMS, row);
    }

    /** {@code prefix + i} for i in {@code [from, to)}. */
    static Set<String> ids(String prefix, int from, int to) {
        Set<String> ids = new TreeSet<>();
        IntStream.range(from, to).forEach(i -> ids.add(prefix + i));
        return ids;
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** {@code date} plus {@code days}, as yyyy-MM-dd. */
    static String plusDays(String date, int days) {
        return LocalDate.parse(date).plusDays(days).toString();
    }
}
