package org.fundguard.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;

import java.nio.file.Path;
import java.util.List;
import org.fundguard.support.Databases;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.Test;

class PostgresLoadJobFunctionalTest extends LoadJobFunctionalTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }

    /**
     * A first load takes the staging table over (ExtractMerger.swapIn): afterwards the table must
     * be exactly what the migrations declare (durable, NOT NULL, byte-order identifiers, its key),
     * a fresh staging table must be ready, and the next night must merge into it.
     */
    @Test
    void givenAFirstLoad_whenTheStagedTableBecomesTheTable_thenItKeepsItsDefinitionAndTheNextNightMerges() throws Exception {
        ExtractDir first = validNight(tmp.resolve("night1"));
        first.row(CONTRIBUTIONS, "person_id", Ids.person(7), "period", "2026-09");
        first.row(CONTRIBUTIONS, "person_id", Ids.person(8), "employer_id", Ids.employer(99), "period", "2026-09");
        first.write();
        assertThat(screen(first.path(), AS_OF).exitCode()).isZero();
        // the references to employers no extract delivered are counted from the rows in their new place
        assertThat(db.queryForObject("SELECT unknown_refs FROM loaded_file WHERE extract = 'CONTRIBUTIONS'", Long.class)).isEqualTo(1);

        assertThat(db.queryForList("SELECT CAST(relname AS TEXT) || ':' || CAST(relpersistence AS TEXT) FROM pg_class WHERE relname IN ('contribution', 'stg_contribution')"
                + " ORDER BY relname", String.class)).containsExactly("contribution:p", "stg_contribution:u");
        assertThat(db.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = CAST('contribution' AS regclass) AND attnum > 0"
                + " AND NOT attisdropped AND attnotnull ORDER BY attnum", String.class))
                .containsExactly("person_id", "employer_id", "period_month", "region_code", "wage_base", "amount");
        assertThat(db.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = CAST('stg_contribution' AS regclass) AND attnum > 0"
                + " AND NOT attisdropped ORDER BY attnum", String.class))
                .containsExactly("person_id", "employer_id", "period_month", "region_code", "wage_base", "amount", "file_id", "line_no");
        assertThat(db.queryForObject("SELECT collation_name FROM information_schema.columns WHERE table_name = 'contribution'"
                + " AND column_name = 'person_id'", String.class)).isEqualTo("C");
        assertThat(db.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = CAST('contribution' AS regclass)"
                + " AND contype = 'p'", String.class)).isEqualTo("PRIMARY KEY (person_id, employer_id, period_month)");
        assertThat(db.queryForObject("SELECT COALESCE(array_to_string(reloptions, ','), '') FROM pg_class WHERE relname = 'contribution'",
                String.class)).doesNotContain("autovacuum_enabled=false");
        assertThat(db.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'stg_contribution'",
                String.class)).contains("autovacuum_enabled=false");
        long loaded = count("contribution");
        assertThat(loaded).isPositive();
        assertThat(count("stg_contribution")).isZero();

        ExtractDir second = new ExtractDir(tmp.resolve("night2"));
        second.row(CONTRIBUTIONS, "person_id", Ids.person(7), "period", "2026-10");
        second.row(CONTRIBUTIONS, "person_id", Ids.person(7), "period", "2026-09", "amount", "123.45"); // a correction
        second.write();
        assertThat(screen(second.path(), AS_OF).exitCode()).isZero();
        assertThat(count("contribution")).isEqualTo(loaded + 1);
        List<String> amounts = db.queryForList("SELECT CAST(amount AS VARCHAR) FROM contribution WHERE person_id = ? AND employer_id = ?"
                + " AND period_month >= 2026 * 12 + 8 ORDER BY period_month", String.class, Ids.person(7), Ids.employer(1));
        assertThat(amounts).containsExactly("123.45", "100.00");
    }

    /**
     * Contributions first delivered on a later night (the table is still empty, so they take the
     * staging table's place) must still reach incremental screening's change log: the claim of a
     * person without contributions is flagged by LN-04 on night 1 and cleared on night 2.
     */
    @Test
    void givenContributionsFirstDeliveredOnASecondNight_whenScreenedIncrementally_thenTheirPersonsAreRescreened() throws Exception {
        ExtractDir first = new ExtractDir(tmp.resolve("night1")).row(Extract.EMPLOYERS)
                .row(Extract.CLAIMS, "claim_id", "LATE", "person_id", Ids.person(5), "separation_date", "2026-10-31",
                        "application_date", "2026-11-03")
                .empty(CONTRIBUTIONS);
        first.write();
        assertThat(screen(first.path(), "2026-11-20").exitCode()).isZero();
        assertThat(db.queryForList("SELECT rule FROM case_flag WHERE as_of = DATE '2026-11-20' AND item_id = 'LATE'", String.class))
                .contains("LN-04");

        // a reporting role was granted the (still empty) table: its successor keeps the grant
        String role = "fg_reporting_" + ProcessHandle.current().pid();
        db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " + role
                + "; END IF; END $$");
        db.execute("GRANT SELECT ON contribution TO " + role);

        ExtractDir second = new ExtractDir(tmp.resolve("night2"));
        for (int m = 1; m <= 10; m++) {
            second.row(CONTRIBUTIONS, "person_id", Ids.person(5), "period", "2026-%02d".formatted(m));
        }
        second.write();
        var result = screen(second.path(), "2026-11-25");
        assertThat(result.exitCode()).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM screening_basis WHERE as_of = DATE '2026-11-25'", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT has_table_privilege('" + role + "', 'contribution', 'SELECT')", Boolean.class)).isTrue();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM contribution", Long.class)).isEqualTo(10);
        assertThat(db.queryForList("SELECT rule FROM case_flag WHERE as_of = DATE '2026-11-25' AND item_id = 'LATE'", String.class))
                .doesNotContain("LN-04");
    }
}
