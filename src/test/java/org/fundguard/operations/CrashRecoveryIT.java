package org.fundguard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.fundguard.generator.DataGenerator;
import org.fundguard.support.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with real processes: the packaged jar is started as cron would start it,
 * killed with SIGKILL when its log shows it reached a given point (mid-load, after load,
 * mid-screening, mid-export), and the same command run again must complete with outputs
 * byte-identical to an uninterrupted run's, on H2 and on PostgreSQL. (alert_id is keyed per
 * database, so alerts.csv is compared without that column.)
 */
class CrashRecoveryIT {

    static final String AS_OF = RealRun.AS_OF;

    @TempDir
    static Path shared;
    static Path extracts;
    static Map<String, String> reference;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        extracts = shared.resolve("extracts");
        assertThat(DataGenerator.run(new String[] {"--out", extracts.toString(), "--persons", "3000", "--seed", "5",
                "--as-of", AS_OF, "--plant-rules", "--quiet"})).isZero();
        Path out = shared.resolve("reference-out");
        RealRun run = RealRun.start(h2(shared.resolve("reference-db")), "sa", extracts, out, shared.resolve("reference.log"));
        assertThat(run.waitFor()).isZero();
        reference = RealRun.outputs(out.resolve(AS_OF));
        assertThat(reference).containsKeys("worklist.csv", "alerts.csv", "subsidy-worklist.csv", "trend/monthly.csv");
    }

    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("fundguard") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * @param marker a log text showing the run reached the point to kill at
     */
    @ParameterizedTest
    @ValueSource(strings = {"employers.csv:", "medical.csv: merged", "LN-04 ", "SKL-08 ", "trend report"})
    void onH2ARunKilledAtAnyPointIsResumedByTheSameCommandToIdenticalOutputs(String marker, @TempDir Path tmp) throws Exception {
        killAndResume(h2(tmp.resolve("db")), "sa", marker, tmp);
    }

    /** Also compares PostgreSQL's resumed outputs with H2's uninterrupted ones: the two databases agree. */
    @ParameterizedTest
    @ValueSource(strings = {"contributions.csv:", "medical.csv: merged", "NAT-01 ", "SKL-08 ", "trend report"})
    void onPostgresARunKilledAtAnyPointIsResumedByTheSameCommandToIdenticalOutputs(String marker, @TempDir Path tmp) throws Exception {
        killAndResume(Databases.postgres(), "postgres", marker, tmp);
    }

    @org.junit.jupiter.api.Test
    void aSecondRunWhileOneIsRunningExits3AndTheFirstCompletes(@TempDir Path tmp) throws Exception {
        String url = h2(tmp.resolve("db"));
        RealRun first = RealRun.start(url, "sa", extracts, tmp.resolve("out"), tmp.resolve("first.log"));
        assertThat(first.waitForLog("employers.csv:", Duration.ofMinutes(2))).isTrue();

        RealRun second = RealRun.start(url, "sa", extracts, tmp.resolve("out2"), tmp.resolve("second.log"));

        assertThat(second.waitFor()).isEqualTo(3);
        // on H2 the embedded database's file lock already turns the second process away
        assertThat(Files.readString(tmp.resolve("second.log"))).contains("another run").contains("nothing was done");
        assertThat(first.waitFor()).isZero();
        assertThat(tmp.resolve("out2")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void onPostgresASecondRunWhileOneIsRunningExits3NamingTheRunningDate(@TempDir Path tmp) throws Exception {
        // PostgreSQL is fast: a larger night keeps the first run busy while the second starts
        Path big = tmp.resolve("big");
        assertThat(DataGenerator.run(new String[] {"--out", big.toString(), "--persons", "60000", "--seed", "6",
                "--as-of", AS_OF, "--quiet"})).isZero();
        String url = Databases.postgres();
        RealRun first = RealRun.start(url, "postgres", big, tmp.resolve("out"), tmp.resolve("first.log"));
        assertThat(first.waitForLog("employers.csv:", Duration.ofMinutes(2))).isTrue();

        RealRun second = RealRun.start(url, "postgres", big, tmp.resolve("out2"), tmp.resolve("second.log"));

        assertThat(second.waitFor()).isEqualTo(3);
        assertThat(Files.readString(tmp.resolve("second.log"))).contains("another run (as-of " + AS_OF).contains("nothing was done");
        assertThat(first.waitFor()).isZero();
        assertThat(tmp.resolve("out2")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void sigtermStopsTheRunAsStoppedAndTheSameCommandResumesIt(@TempDir Path tmp) throws Exception {
        String url = h2(tmp.resolve("db"));
        Path out = tmp.resolve("out");
        RealRun run = RealRun.start(url, "sa", extracts, out, tmp.resolve("stopped.log"));
        assertThat(run.waitForLog("medical.csv: merged", Duration.ofMinutes(2))).isTrue();

        run.process().destroy(); // SIGTERM

        assertThat(run.waitFor()).isNotZero();
        assertThat(Files.readString(tmp.resolve("stopped.log"))).contains("stop requested").contains("STOPPED");
        RealRun resumed = RealRun.start(url, "sa", extracts, out, tmp.resolve("resumed.log"));
        assertThat(resumed.waitFor()).isZero();
        assertThat(Files.readString(tmp.resolve("resumed.log"))).contains("resuming the run that ended STOPPED");
        assertThat(RealRun.outputs(out.resolve(AS_OF))).isEqualTo(reference);
    }

    void killAndResume(String url, String user, String marker, Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("killed.log");

        RealRun killed = RealRun.start(url, user, extracts, out, log);
        boolean reached = killed.killWhenLogShows(marker, Duration.ofMinutes(3));

        assertThat(reached).as("the run reached '" + marker + "' before it ended").isTrue();
        RealRun resumed = RealRun.start(url, user, extracts, out, tmp.resolve("resumed.log"));
        assertThat(resumed.waitFor()).isZero();
        // H2 may lose the last moments of commits to SIGKILL (its write delay); the resumed run then
        // redoes them. Either way every file is loaded exactly once:
        try (var c = java.sql.DriverManager.getConnection(url, user, "");
             var rs = c.createStatement().executeQuery(
                     "SELECT extract, COUNT(*) FROM loaded_file WHERE state = 'LOADED' GROUP BY extract")) {
            int extractsLoaded = 0;
            while (rs.next()) {
                assertThat(rs.getInt(2)).as(rs.getString(1) + " loaded once").isEqualTo(1);
                extractsLoaded++;
            }
            assertThat(extractsLoaded).isEqualTo(7);
        }
        Map<String, String> after = RealRun.outputs(out.resolve(AS_OF));
        assertThat(after.keySet()).isEqualTo(reference.keySet());
        for (String file : reference.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(reference.get(file));
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).as("no half-written file").isEmpty();
        }
    }
}
