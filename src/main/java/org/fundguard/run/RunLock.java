package org.fundguard.run;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run at a time per database (outputs.md exit code 3). The lock is a row of run_lock naming
 * its holder's host and process; a holder on this host whose process is gone (killed) is stale
 * and its lock is taken over, so a crash does not block the next night forever.
 */
@Component
public class RunLock {

    /** Who holds the lock, as shown to an operator. */
    public record Holder(String host, long pid, LocalDate asOf, LocalDateTime since) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();

    public RunLock(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Takes the lock for a run of {@code asOf}.
     *
     * @return null when taken; otherwise the live holder
     * @param onStale called (inside the lock) when a stale holder was replaced
     */
    public Holder acquire(LocalDate asOf, Runnable onStale) {
        return tx.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT holder_host, holder_pid, as_of, acquired_at FROM run_lock WHERE id = 1 FOR UPDATE");
            Map<String, Object> row = rows.get(0);
            String holderHost = (String) row.get("holder_host");
            if (holderHost != null) {
                long holderPid = ((Number) row.get("holder_pid")).longValue();
                boolean alive = !holderHost.equals(host) || ProcessHandle.of(holderPid).map(ProcessHandle::isAlive).orElse(false);
                if (alive && !(holderHost.equals(host) && holderPid == pid)) {
                    Object since = row.get("acquired_at");
                    return new Holder(holderHost, holderPid, toDate(row.get("as_of")),
                            since instanceof Timestamp t ? t.toLocalDateTime() : null);
                }
                onStale.run();
            }
            jdbc.update("UPDATE run_lock SET holder_host = ?, holder_pid = ?, as_of = ?, acquired_at = ? WHERE id = 1",
                    host, pid, asOf, Timestamp.valueOf(LocalDateTime.now()));
            return null;
        });
    }

    public void release() {
        tx.executeWithoutResult(status -> jdbc.update(
                "UPDATE run_lock SET holder_host = NULL, holder_pid = NULL, as_of = NULL, acquired_at = NULL"
                        + " WHERE id = 1 AND holder_host = ? AND holder_pid = ?", host, pid));
    }

    /** A DATE column's value as read by JdbcTemplate (java.sql.Date on H2, LocalDate on some drivers). */
    public static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value instanceof LocalDate l ? l : null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
