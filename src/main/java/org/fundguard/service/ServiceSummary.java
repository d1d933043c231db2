package org.fundguard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fundguard.run.RunParameters;
import org.fundguard.run.RunSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The "service" part of summary.json: per service file its rows, SVC-01's calendar notes, SVC-02's
 * source, SVC-04's decision window, SVC-07's standards file and the claims left out for lack of a
 * standard (city and month). Counts and dates only: no personal data.
 */
@Component
public class ServiceSummary implements RunSummary.SummaryContributor {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void contribute(JobExecution job, RunParameters run, Map<String, Object> summary) {
        Optional<String> part = job.getStepExecutions().stream()
                .filter(s -> s.getExecutionContext().containsKey(ServiceLists.SUMMARY_KEY))
                .max(Comparator.comparing(StepExecution::getId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(s -> s.getExecutionContext().getString(ServiceLists.SUMMARY_KEY));
        if (part.isEmpty()) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("skipped", "the run stopped before the service lists were written");
            summary.put("service", skipped);
            return;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = json.readValue(part.get(), LinkedHashMap.class);
            summary.put("service", service);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the service lists' summary", e);
        }
    }
}
