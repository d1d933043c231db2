package org.fundguard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.CLAIMS;
import static org.fundguard.extract.Extract.CONTRIBUTIONS;
import static org.fundguard.extract.Extract.EMPLOYERS;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One run at a time: a lock held by a live process makes a second run exit 3 and change nothing;
 * a lock left by a process that is gone is taken over.
 */
abstract class RunLockTests {

    @TempDir
    Path tmp;
    String url;
    JdbcTemplate db;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() throws Exception {
        url = newDatabase(tmp.resolve("db"));
        boolean pg = url.startsWith("jdbc:postgresql");
        var driver = pg ? new org.postgresql.Driver() : new org.h2.Driver();
        db = new JdbcTemplate(new SimpleDriverDataSource(driver, url, pg ? "postgres" : "sa", ""));
    }

    Cli.Result screen(Path extracts) {
        return Cli.run(url, "screen", "--extracts", extracts.toString(), "--as-of", "2026-11-25", "--out", tmp.resolve("out").toString());
    }

    ExtractDir night() {
        return new ExtractDir(tmp.resolve("night")).row(EMPLOYERS).row(CLAIMS).empty(CONTRIBUTIONS).write();
    }

    void holdLock(long pid) throws Exception {
        db.update("UPDATE run_lock SET holder_host = ?, holder_pid = ?, as_of = ?, acquired_at = ? WHERE id = 1",
                InetAddress.getLocalHost().getHostName(), pid, java.sql.Date.valueOf("2026-11-24"),
                Timestamp.valueOf(LocalDateTime.now()));
    }

    @Test
    void aSecondRunWhileOneIsRunningExits3NamingTheRunningDateAndChangesNothing() throws Exception {
        ExtractDir x = night();
        assertThat(screen(x.path()).exitCode()).isZero(); // creates the schema
        db.update("DELETE FROM claim");
        long liveOtherProcess = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        holdLock(liveOtherProcess);
        Files.writeString(x.path().resolve("claims.csv"), Files.readString(x.path().resolve("claims.csv")) + "\n");

        Cli.Result second = screen(x.path());

        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.stderr()).contains("2026-11-24").contains("in progress");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM claim", Long.class)).isZero();
        assertThat(db.queryForObject("SELECT holder_pid FROM run_lock", Long.class)).isEqualTo(liveOtherProcess);
    }

    @Test
    void aLockLeftByAKilledProcessDoesNotBlockTheNextRun() throws Exception {
        ExtractDir x = night();
        assertThat(screen(x.path()).exitCode()).isZero();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        holdLock(gone.pid());

        Cli.Result next = screen(x.path());

        assertThat(next.exitCode()).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM run_lock WHERE holder_pid IS NULL", Long.class)).isEqualTo(1);
    }
}
