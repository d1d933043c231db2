package org.fundguard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fundguard.generator.DataGenerator;
import org.fundguard.support.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder's disk fills up while the run writes its outputs (a 128 KiB tmpfs as --out):
 * the packaged command exits 1 with a one-line reason naming the full disk, leaves no temporary
 * or half-written file in the output folder, and once there is room (the tmpfs remounted larger)
 * the same command resumes to outputs identical to an uninterrupted run's. Needs root (mount);
 * skipped, saying why, where mounting is not allowed.
 */
class DiskFullIT {

    static final String AS_OF = RealRun.AS_OF;
    /** Room for the rejects and part of the work lists, not for the rest (the set's outputs take ~650 KiB). */
    static final String SMALL = "128k";

    @TempDir
    Path tmp;
    Path out;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        String uid = exec("id", "-u");
        assumeTrue(uid.strip().equals("0"), "DiskFullIT mounts a tmpfs and needs root; this user's id is " + uid.strip());
        out = Files.createDirectories(tmp.resolve("out"));
        String failed = mountFails("-t", "tmpfs", "-o", "size=" + SMALL, "tmpfs", out.toString());
        assumeTrue(failed == null, "DiskFullIT cannot mount a tmpfs on " + out + " (no mount permission here?): " + failed);
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && exitCode("umount", out.toString()) != 0) {
            exitCode("umount", "-l", out.toString()); // lazily, so the temporary folder can go
        }
    }

    @Test
    void aFullOutputDiskFailsTheRunWithExit1AndNoHalfFileAndTheSameCommandResumesItOnceThereIsRoom() throws Exception {
        Path extracts = tmp.resolve("extracts");
        assertThat(DataGenerator.run(new String[] {"--out", extracts.toString(), "--persons", "3000", "--seed", "5",
                "--as-of", AS_OF, "--plant-rules", "--quiet"})).isZero();
        Path referenceOut = tmp.resolve("reference-out");
        RealRun ref = RealRun.start(RealRun.env(Databases.h2(tmp.resolve("reference-db")), "sa", ""),
                RealRun.screen(extracts, referenceOut), tmp.resolve("reference.err"), tmp.resolve("reference.out"));
        assertThat(ref.waitFor()).as("reference run; log " + ref.log()).isZero();
        Path referenceDir = referenceOut.resolve(AS_OF);
        Map<String, String> reference = RealRun.outputs(referenceDir);
        assertThat(reference).containsKeys("worklist.csv", "alerts.csv", "subsidy-worklist.csv", "trend/monthly.csv");

        Map<String, String> env = RealRun.env(Databases.h2(tmp.resolve("db")), "sa", "");
        List<String> command = RealRun.screen(extracts, out);
        RealRun full = RealRun.start(env, command, tmp.resolve("full.err"), tmp.resolve("full.out"));

        int code = full.waitFor();
        String stderr = full.logText();
        assertThat(code).as("exit code; stderr:\n" + stderr).isEqualTo(1);
        assertThat(RealRun.assertOneLineReason(stderr)).contains("No space left on device").contains("run the same command again");
        assertThat(Files.readString(full.stdout(), StandardCharsets.UTF_8)).as("standard output").isEmpty();
        // nothing half-written: no temporary file, and every file under its final name is complete
        Map<String, String> partial = RealRun.outputs(out.resolve(AS_OF));
        assertThat(reference.keySet()).as("the disk filled up before all outputs were written").isNotEqualTo(partial.keySet());
        for (Path file : files(out)) {
            String rel = out.resolve(AS_OF).relativize(file).toString().replace('\\', '/');
            assertThat(file.getFileName().toString()).as(rel).doesNotEndWith(".part");
            if (partial.containsKey(rel)) {
                assertThat(partial.get(rel)).as(rel + " complete").isEqualTo(reference.get(rel));
            } else if (!rel.equals("summary.json")) {
                assertThat(Files.readAllBytes(file)).as(rel + " complete").isEqualTo(Files.readAllBytes(referenceDir.resolve(rel)));
            }
        }

        String failed = mountFails("-o", "remount,size=8m", out.toString());
        assertThat(failed).as("remount larger").isNull();
        RealRun resumed = RealRun.start(env, command, tmp.resolve("resumed.err"), tmp.resolve("resumed.out"));
        assertThat(resumed.waitFor()).as("resumed run; log " + resumed.log()).isZero();
        assertThat(resumed.logText()).contains("resuming the run that ended FAILED");
        Map<String, String> after = RealRun.outputs(out.resolve(AS_OF));
        assertThat(after.keySet()).isEqualTo(reference.keySet());
        for (String file : reference.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(reference.get(file));
        }
        assertThat(out.resolve(AS_OF).resolve("trend/report.html")).hasSameBinaryContentAs(referenceDir.resolve("trend/report.html"));
        assertThat(files(out)).as("no temporary file").noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }

    static List<Path> files(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        return files;
    }

    /** Runs mount with {@code args}; null when it worked, else what it said. */
    static String mountFails(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "exit " + (p.isAlive() ? "?" : p.exitValue()) + ": " + said;
    }

    static String exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return said;
        } catch (IOException | InterruptedException e) {
            return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")";
        }
    }

    static int exitCode(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
