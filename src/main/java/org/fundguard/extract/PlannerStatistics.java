package org.fundguard.extract;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: whether a load changed a table enough that its planner statistics should be
 * refreshed before the rules run, rather than whenever autovacuum's analyze comes by (it
 * does after about a tenth of the rows changed too). ANALYZE samples the table, which on 21 M
 * contributions costs about a second: worth it after a large change, not for a 1 % delta.
 */
final class PlannerStatistics {

    /** Changed rows, as a share of the table's rows before the change, that make its statistics stale. */
    static final double STALE_SHARE = 0.10;

    private PlannerStatistics() {
    }

    /**
     * True when {@code changedRows} are at least {@link #STALE_SHARE} of the table's rows before the
     * change. Those come from {@code pg_class.reltuples}, which the load's own inserts and deletes
     * leave alone (only ANALYZE, VACUUM and index builds set it); never estimated (-1): stale.
     */
    static boolean stale(JdbcTemplate jdbc, String table, long changedRows) {
        if (changedRows <= 0) {
            return false;
        }
        Double before = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)", Double.class, table);
        return before == null || before < 0 || changedRows >= STALE_SHARE * before;
    }
}
