package org.fundguard.service;

import org.fundguard.run.RunParameters;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The service-quality lists of outputs.md ({@code service/*.csv}, rules.md SVC-01..07).
 * Placeholder step; the lists are written by the service package.
 */
@Component
public class ServiceLists {

    public Tasklet step() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context.getStepContext().getStepExecution().getJobExecution().getJobParameters());
            write(run);
            return RepeatStatus.FINISHED;
        };
    }

    void write(RunParameters run) {
        // filled in by the service-lists work
    }
}
