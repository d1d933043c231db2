package org.fundguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fundguard.extract.Extract;
import org.fundguard.run.ContractException;
import org.fundguard.run.RunParameters;
import org.fundguard.support.Cli;
import org.fundguard.support.Databases;
import org.fundguard.support.ExtractDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --out and --extracts are compared as real paths (symbolic links resolved, {@code ..} applied):
 * no trick writes the outputs among the extracts or reads the extracts from the run's own
 * output folder.
 */
class ScreenCommandPathsTest {

    private static final String AS_OF = "2026-11-25";

    @TempDir
    Path tmp;

    private Path extracts;

    @BeforeEach
    void extractFolder() throws Exception {
        extracts = Files.createDirectories(tmp.resolve("extracts"));
    }

    private static RunParameters parse(Path extracts, Path out) {
        return parse(extracts.toString(), out.toString());
    }

    private static RunParameters parse(String extracts, String out) {
        return ScreenCommand.parse(List.of("screen", "--extracts", extracts, "--as-of", AS_OF, "--out", out));
    }

    @Test
    void separateFoldersAreAcceptedAsTheirRealPaths() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("out-link"), Files.createDirectories(tmp.resolve("real-out")));

        RunParameters run = parse(extracts.toString(), link + "/./x/../y");

        assertThat(run.outRoot()).isEqualTo(tmp.toRealPath().resolve("real-out/y"));
        assertThat(run.extracts()).isEqualTo(extracts.toRealPath());
    }

    @Test
    void outInsideTheExtractFolderIsRefused() {
        assertThatThrownBy(() -> parse(extracts, extracts.resolve("out")))
                .isInstanceOf(ContractException.class).hasMessageContaining("lies inside the extract folder");
        assertThatThrownBy(() -> parse(extracts, extracts))
                .isInstanceOf(ContractException.class).hasMessageContaining("lies inside the extract folder");
    }

    @Test
    void outReachingTheExtractFolderThroughDotDotIsRefused() {
        String out = tmp + "/extracts/../extracts/x";
        assertThatThrownBy(() -> parse(extracts.toString(), out))
                .isInstanceOf(ContractException.class).hasMessageStartingWith("--out " + out).hasMessageContaining("extract folder");
        // through a folder that does not exist yet
        assertThatThrownBy(() -> parse(extracts.toString(), tmp + "/new/../extracts/x"))
                .isInstanceOf(ContractException.class).hasMessageContaining("extract folder");
    }

    @Test
    void outThroughASymbolicLinkIntoTheExtractFolderIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), extracts);
        assertThatThrownBy(() -> parse(extracts, link.resolve("out")))
                .isInstanceOf(ContractException.class).hasMessageContaining(link.toString()).hasMessageContaining("extract folder");
        // a link's '..' is its target's parent, as the operating system sees it
        Path deep = Files.createDirectories(extracts.resolve("sub"));
        Path viaParent = Files.createSymbolicLink(tmp.resolve("sub-link"), deep);
        assertThatThrownBy(() -> parse(extracts.toString(), viaParent + "/../out"))
                .isInstanceOf(ContractException.class).hasMessageContaining("extract folder");
    }

    @Test
    void theDateFolderOfOutBeingALinkIntoTheExtractFolderIsRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve(AS_OF), extracts);
        assertThatThrownBy(() -> parse(extracts, out))
                .isInstanceOf(ContractException.class).hasMessageContaining("extract folder");
    }

    @Test
    void extractsInsideTheRunsOutputFolderAreRefused() throws Exception {
        Path out = tmp.resolve("out");
        Path inside = Files.createDirectories(out.resolve(AS_OF).resolve("extracts"));
        assertThatThrownBy(() -> parse(inside, out))
                .isInstanceOf(ContractException.class).hasMessageStartingWith("--extracts " + inside)
                .hasMessageContaining("lies inside the run's output folder");
        Path link = Files.createSymbolicLink(tmp.resolve("extracts-link"), inside);
        assertThatThrownBy(() -> parse(link, out))
                .isInstanceOf(ContractException.class).hasMessageContaining("lies inside the run's output folder");
        // another night's folder under the same root is not this run's output folder
        Path other = Files.createDirectories(out.resolve("2026-11-24").resolve("extracts"));
        assertThat(parse(other, out).outDir()).isEqualTo(out.toRealPath().resolve(AS_OF));
    }

    @Test
    void theCommandRefusesADotDotTrickWithExit2AndOneLineNamingThePath() throws Exception {
        Path dir = new ExtractDir(tmp.resolve("night")).row(Extract.EMPLOYERS).row(Extract.CONTRIBUTIONS).row(Extract.CLAIMS)
                .write().path();
        String out = dir + "/../night/out";

        Cli.Result result = Cli.run(Databases.h2(tmp.resolve("db")), "screen", "--extracts", dir.toString(), "--as-of", AS_OF,
                "--out", out);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines().filter(l -> l.startsWith("fundguard:")))
                .singleElement().asString().startsWith("fundguard: --out ").contains("/night/../night/out")
                .contains("lies inside the extract folder");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
