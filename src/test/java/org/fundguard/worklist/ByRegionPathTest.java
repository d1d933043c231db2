package org.fundguard.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing an earlier attempt's by-region split never follows a link out of OUT/&lt;as-of&gt;/. */
class ByRegionPathTest {

    @Test
    void aRegionFolderLinkedOutsideIsRefusedAndNothingThereIsDeleted(@TempDir Path tmp) throws Exception {
        Path outDir = Files.createDirectories(tmp.resolve("out/2026-11-25"));
        Path own = Files.createDirectories(outDir.resolve("by-region/210102"));
        Files.writeString(own.resolve("worklist.csv"), "old");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("worklist.csv"), "not ours");
        Files.createSymbolicLink(outDir.resolve("by-region/210103"), elsewhere);

        assertThatThrownBy(() -> CaseListWriter.deleteSplit(outDir, "worklist.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("by-region/210103/worklist.csv");
        assertThat(elsewhere.resolve("worklist.csv")).hasContent("not ours");
    }

    @Test
    void anEarlierSplitInsideIsRemoved(@TempDir Path tmp) throws Exception {
        Path outDir = Files.createDirectories(tmp.resolve("out/2026-11-25"));
        Path own = Files.createDirectories(outDir.resolve("by-region/210102"));
        Files.writeString(own.resolve("worklist.csv"), "old");

        CaseListWriter.deleteSplit(outDir, "worklist.csv");

        assertThat(own.resolve("worklist.csv")).doesNotExist();
    }
}
