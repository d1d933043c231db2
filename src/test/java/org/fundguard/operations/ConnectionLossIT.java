package org.fundguard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fundguard.generator.DataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away in the middle of a run (PostgreSQL stopped while the job screens): the
 * packaged command must not hang — it exits 1 within a bounded time with a one-line reason on
 * standard error and no stack trace — and once the server is back (same data directory, same
 * port) the same command resumes the run to outputs identical to an uninterrupted run's.
 */
class ConnectionLossIT {

    static final String AS_OF = RealRun.AS_OF;
    /** Stop → exit 1 within this (the pool waits up to 5 s for a connection at each of the few updates that follow). */
    static final Duration EXIT_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path tmp;
    EmbeddedPostgres server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRunThatLosesItsDatabaseExits1WithOneLineAndTheSameCommandResumesItOnceTheServerIsBack() throws Exception {
        Path extracts = tmp.resolve("extracts");
        assertThat(DataGenerator.run(new String[] {"--out", extracts.toString(), "--persons", "3000", "--seed", "11",
                "--as-of", AS_OF, "--plant-rules", "--quiet"})).isZero();
        int port = freePort();
        Path data = tmp.resolve("pgdata");
        server = start(port, data);
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE reference");
            c.createStatement().execute("CREATE DATABASE fundguard");
        }
        RealRun ref = RealRun.start(RealRun.env(server.getJdbcUrl("postgres", "reference"), "postgres", ""),
                RealRun.screen(extracts, tmp.resolve("reference-out")), tmp.resolve("reference.log"), tmp.resolve("reference.out"));
        assertThat(ref.waitFor()).as("reference run; log " + ref.log()).isZero();
        Map<String, String> reference = RealRun.outputs(tmp.resolve("reference-out").resolve(AS_OF));
        assertThat(reference).containsKeys("worklist.csv", "alerts.csv", "subsidy-worklist.csv", "trend/monthly.csv");

        Map<String, String> env = RealRun.env(server.getJdbcUrl("postgres", "fundguard"), "postgres", "");
        List<String> command = RealRun.screen(extracts, tmp.resolve("out"));
        RealRun lost = RealRun.start(env, command, tmp.resolve("lost.err"), tmp.resolve("lost.out"));
        assertThat(lost.waitForLog("LN-01 ", Duration.ofMinutes(2))).as("the run reached screening; log " + lost.log()).isTrue();

        long stopped = System.nanoTime();
        server.close(); // pg_ctl stop -m fast: the server ends every session and goes away
        server = null;
        int code = lost.waitFor(EXIT_WITHIN);
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.println("ConnectionLossIT: exit " + code + " " + took.toMillis() + " ms after the server stopped");

        String stderr = Files.readString(lost.log(), StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr:\n" + stderr).isEqualTo(1);
        assertThat(stderr).as("the run was stopped before it completed").doesNotContain("completed; outputs in");
        assertThat(RealRun.assertOneLineReason(stderr)).contains("run the same command again");
        assertThat(Files.readString(lost.stdout(), StandardCharsets.UTF_8)).as("standard output").isEmpty();

        server = start(port, data);
        RealRun resumed = RealRun.start(env, command, tmp.resolve("resumed.err"), tmp.resolve("resumed.out"));
        assertThat(resumed.waitFor()).as("resumed run; log " + resumed.log()).isZero();
        assertThat(resumed.logText()).contains("resuming the run that ended FAILED");
        Map<String, String> after = RealRun.outputs(tmp.resolve("out").resolve(AS_OF));
        assertThat(after.keySet()).isEqualTo(reference.keySet());
        for (String file : reference.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(reference.get(file));
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).as("no half-written file").isEmpty();
        }
    }

    static EmbeddedPostgres start(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
