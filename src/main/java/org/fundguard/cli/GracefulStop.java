package org.fundguard.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (and Ctrl-C): before Spring closes the database pool, ask the running job to stop at
 * the next step boundary and wait for it, so the run is recorded as STOPPED and the same command
 * resumes it. The process then exits non-zero (143 for SIGTERM).
 */
@Component
public class GracefulStop implements SmartLifecycle, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final JobOperator operator;
    private final JobRepository repository;
    private final AtomicReference<JobExecution> running = new AtomicReference<>();
    private volatile boolean started;

    public GracefulStop(JobOperator operator, JobRepository repository) {
        this.operator = operator;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.set(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.set(null);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        JobExecution execution = running.get();
        if (execution == null || !execution.isRunning()) {
            return; // nothing running (a failed run whose end the lost database could not record exits as it is)
        }
        log.warn("stop requested: stopping the run (as-of {}) at the next step boundary", execution.getJobParameters().getLocalDate("asOf"));
        try {
            operator.stop(execution);
        } catch (Exception e) {
            log.warn("could not request the stop: {}", e.getMessage());
            return;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (running.get() != null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        JobExecution last = repository.getJobExecution(execution.getId());
        log.warn("run stopped with status {}; run the same command again to resume", last == null ? "?" : last.getStatus());
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stop first, before anything else closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
