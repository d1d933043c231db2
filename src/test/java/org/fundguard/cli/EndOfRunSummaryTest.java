package org.fundguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The end-of-run block of a night rejected as broken: extract figures, one line for the rules. */
class EndOfRunSummaryTest {

    @Test
    void aRejectedNightShowsItsFiguresAndOneLineForTheRulesItNeverRan() throws Exception {
        String json = """
                {"as_of": "2026-11-25", "outcome": "EXTRACT_REJECTED",
                 "extracts": [
                   {"extract": "employers", "status": "loaded", "rows_read": 10, "rows_loaded": 10, "rows_rejected": 0, "warnings": 1},
                   {"extract": "claims", "status": "rejected as broken", "rows_read": 20, "rows_loaded": 0, "rows_rejected": 8, "warnings": 0},
                   {"extract": "medical", "status": "absent"}],
                 "rules": [
                   {"code": "LN-01", "skipped": "the run stopped before screening"},
                   {"code": "SKL-01", "skipped": "the run stopped before screening"}]}
                """;

        assertThat(EndOfRunSummary.lines(new ObjectMapper().readTree(json), Path.of("/data/out/2026-11-25"))).containsExactly(
                "fundguard: run summary, as-of 2026-11-25: EXTRACT_REJECTED",
                "  extract employers      loaded: read 10, loaded 10, rejected 0, warnings 1",
                "  extract claims         rejected as broken: read 20, loaded 0, rejected 8, warnings 0",
                "  extract medical        absent",
                "  rules: none run: the run stopped before screening",
                "  outputs: /data/out/2026-11-25");
    }
}
