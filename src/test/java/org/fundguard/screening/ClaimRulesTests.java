package org.fundguard.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;

import java.nio.file.Path;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.fundguard.support.Screened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim rules at, just below and just above their thresholds, through the real command and
 * the real work list, on each database through a subclass. Each test builds one extract set in
 * which several employers or persons sit at different sides of a threshold.
 */
abstract class ClaimRulesTests {

    static final String AS_OF = "2026-11-25";

    @TempDir
    Path tmp;
    String url;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
    }

    Screened screen(ExtractDir extracts, String asOf) {
        extracts.write();
        Path out = tmp.resolve("out");
        Cli.Result result = Cli.run(url, "screen", "--extracts", extracts.path().toString(), "--as-of", asOf, "--out", out.toString());
        return Screened.read(result.exitCode(), out.resolve(asOf));
    }

    /** Persons numbered from {@code base}: claims named {@code prefix + i} of employer {@code employer}. */
    static void claims(ExtractDir x, String prefix, int base, int count, String employer, String... overrides) {
        for (int i = 0; i < count; i++) {
            String[] row = new String[overrides.length + 6];
            row[0] = "claim_id";
            row[1] = prefix + i;
            row[2] = "person_id";
            row[3] = Ids.person(base + i);
            row[4] = "last_employer_id";
            row[5] = employer;
            System.arraycopy(overrides, 0, row, 6, overrides.length);
            x.row(CLAIMS, row);
        }
    }

    @Test
    void ln02_flagsEveryClaimOfAnEmployerMonthWithTenOrMoreClaimants() {
        ExtractDir x = new ExtractDir(tmp.resolve("night")).empty(CONTRIBUTIONS);
        x.row(EMPLOYERS, "employer_id", Ids.employer(9)).row(EMPLOYERS, "employer_id", Ids.employer(10))
                .row(EMPLOYERS, "employer_id", Ids.employer(11));
        claims(x, "NINE-", 100, 9, Ids.employer(9), "application_date", "2026-10-15");
        claims(x, "TEN-", 200, 10, Ids.employer(10), "application_date", "2026-10-15");
        claims(x, "ELEVEN-", 300, 11, Ids.employer(11), "application_date", "2026-10-20");
        // the same person twice counts once: 9 distinct persons with 10 claims
        claims(x, "DUP-", 400, 9, Ids.employer(12), "application_date", "2026-10-15");
        x.row(CLAIMS, "claim_id", "DUP-9", "person_id", Ids.person(400), "last_employer_id", Ids.employer(12),
                "application_date", "2026-10-16");
        // a withdrawn claim does not count: 9 live + 1 withdrawn
        claims(x, "WD-", 500, 9, Ids.employer(13), "application_date", "2026-10-15");
        x.row(CLAIMS, "claim_id", "WD-9", "person_id", Ids.person(509), "last_employer_id", Ids.employer(13),
                "application_date", "2026-10-15", "status", "WITHDRAWN");

        Screened s = screen(x, AS_OF);

        assertThat(s.exitCode()).isZero();
        assertThat(s.flaggedBy("LN-02")).hasSize(21).allMatch(id -> id.startsWith("TEN-") || id.startsWith("ELEVEN-"));
        assertThat(s.claim("TEN-0").get("evidence")).contains("LN-02 该单位2026-10申领10人(阈值10人)");
        assertThat(s.alertsOf("LN-02")).hasSize(2).extracting(a -> a.get("value")).containsExactly("10", "11");
        assertThat(s.alertsOf("LN-02").get(0)).containsEntry("period_start", "2026-10-01").containsEntry("period_end", "2026-10-31")
                .containsEntry("entity_type", "EMPLOYER").containsEntry("related_cases", "10").containsEntry("is_new", "Y");
    }
}
