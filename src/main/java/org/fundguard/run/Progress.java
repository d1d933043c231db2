package org.fundguard.run;

import org.slf4j.Logger;

/**
 * Progress of a long step, logged at a steady pace (every {@value #INTERVAL_MS} ms at most) as
 * rows done and rows per second, so that a cron mail shows a run that is alive.
 */
public final class Progress {

    private static final long INTERVAL_MS = 10_000;

    private final Logger log;
    private final String what;
    private final long start = System.nanoTime();
    private long lastLog = System.currentTimeMillis();

    public Progress(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void tick(long rows) {
        if ((rows & 0x3FF) == 0) {
            long now = System.currentTimeMillis();
            if (now - lastLog >= INTERVAL_MS) {
                lastLog = now;
                log.info("{}: {} rows ({} rows/s)", what, rows, rate(rows));
            }
        }
    }

    public void done(long rows, String counts) {
        log.info("{}: {} rows in {} s ({} rows/s): {}", what, rows, String.format("%.1f", seconds()), rate(rows), counts);
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private long rate(long rows) {
        double s = seconds();
        return s > 0 ? Math.round(rows / s) : rows;
    }
}
