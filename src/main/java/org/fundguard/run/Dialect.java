package org.fundguard.run;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two databases FundGuard runs on; most SQL is shared, the bulk paths differ. */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("unsupported database " + product + " (use H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /** Empties a scratch table inside the current transaction. */
    public String truncate(String table) {
        return this == POSTGRESQL ? "TRUNCATE TABLE " + table : "DELETE FROM " + table;
    }
}
