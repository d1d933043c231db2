package org.fundguard.report;

import org.fundguard.run.RunParameters;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** The fund managers' trend report (outputs.md "Trend report"): trend/*.csv and trend/report.html. */
@Component
public class TrendReport {

    public Tasklet step() {
        return (contribution, context) -> {
            RunParameters run = RunParameters.of(context.getStepContext().getStepExecution().getJobExecution().getJobParameters());
            write(run);
            return RepeatStatus.FINISHED;
        };
    }

    void write(RunParameters run) {
        // filled in by the trend-report work
    }
}
