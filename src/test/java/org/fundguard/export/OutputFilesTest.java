package org.fundguard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths built from data (by-region/&lt;region_code&gt;/) stay inside OUT/&lt;as-of&gt;/. */
class OutputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aPlainRegionCodeResolvesInsideTheOutputFolder() {
        Path outDir = tmp.resolve("out/2026-11-25");
        assertThat(OutputFiles.resolveInside(outDir, "by-region", "210102", "worklist.csv"))
                .isEqualTo(outDir.resolve("by-region/210102/worklist.csv"));
    }

    @Test
    void aNameThatIsNotOnePlainSegmentIsRefusedNamingThePath() {
        Path outDir = tmp.resolve("out/2026-11-25");
        for (String bad : List.of("..", ".", "", "../../etc", "21/01", "..\\x", "a\nb")) {
            assertThatThrownBy(() -> OutputFiles.resolveInside(outDir, "by-region", bad, "worklist.csv")).as(bad)
                    .isInstanceOf(ContractException.class).hasMessageContaining("would leave the output folder " + outDir)
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> OutputFiles.resolveInside(outDir, "by-region", null, "worklist.csv"))
                .isInstanceOf(ContractException.class);
        assertThatThrownBy(() -> OutputFiles.resolveInside(outDir, "by-region", "../../etc", "worklist.csv"))
                .hasMessageStartingWith("output path by-region/../../etc/worklist.csv");
    }

    @Test
    void aSymbolicLinkInTheOutputFolderLeadingOutsideIsRefused() throws Exception {
        Path outDir = Files.createDirectories(tmp.resolve("out/2026-11-25"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(outDir.resolve("by-region"), elsewhere);
        assertThatThrownBy(() -> OutputFiles.resolveInside(outDir, "by-region", "210102", "worklist.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("by-region/210102/worklist.csv");
        // a link that stays inside is fine
        Path inside = Files.createDirectories(outDir.resolve("regions"));
        Files.createSymbolicLink(outDir.resolve("split"), inside);
        assertThat(OutputFiles.resolveInside(outDir, "split", "210102", "worklist.csv")).isNotNull();
    }

    @Test
    void noOutputIsWrittenThroughDotDot() {
        Path target = tmp.resolve("out/2026-11-25/../../escaped.csv");
        assertThatThrownBy(() -> new CsvTableWriter(target, List.of("a")).close())
                .isInstanceOf(ContractException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> OutputFiles.writeString(target, "x")).isInstanceOf(ContractException.class);
        assertThat(tmp.resolve("escaped.csv")).doesNotExist();
    }
}
