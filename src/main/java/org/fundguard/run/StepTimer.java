package org.fundguard.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Logs each step's start and end with its duration, and while a step runs longer than
 * {@value #HEARTBEAT_S} s, a line every {@value #HEARTBEAT_S} s naming what it is doing: a single
 * SQL statement over millions of rows reports no rows until it ends, and a cron mail should still
 * show a run that is alive and where it is.
 */
@Component
public class StepTimer implements StepExecutionListener {

    static final long HEARTBEAT_S = 15;
    private static final Logger log = LoggerFactory.getLogger(StepTimer.class);
    private static volatile String activity;

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "step-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile ScheduledFuture<?> heartbeat;
    private volatile long started;

    /** Names what the current step is doing now (an SQL statement, a file), for the heartbeat lines. */
    public static void activity(String what) {
        activity = what;
    }

    @Override
    public void beforeStep(StepExecution step) {
        started = System.nanoTime();
        activity = null;
        String name = step.getStepName();
        log.info("step {}: started", name);
        heartbeat = clock.scheduleAtFixedRate(() -> {
            String now = activity;
            log.info("step {}: running for {} s{}", name, Math.round((System.nanoTime() - started) / 1e9),
                    now == null ? "" : " (" + now + ")");
        }, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ScheduledFuture<?> beat = heartbeat;
        if (beat != null) {
            beat.cancel(false);
        }
        activity = null;
        log.info("step {}: {} in {} s", step.getStepName(), step.getStatus(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return null;
    }
}
