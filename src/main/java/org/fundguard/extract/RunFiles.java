package org.fundguard.extract;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Which loaded_file each extract of this run's folder maps to, kept in the job's execution
 * context (so a restarted run knows it too): the file staged by this run, or the identical file
 * loaded by an earlier run.
 */
public final class RunFiles {

    private final ExecutionContext context;

    private RunFiles(ExecutionContext context) {
        this.context = context;
    }

    public static RunFiles of(JobExecution job) {
        return new RunFiles(job.getExecutionContext());
    }

    public void put(Extract extract, long fileId, boolean alreadyLoaded) {
        context.putLong("file." + extract.name(), fileId);
        context.put("identical." + extract.name(), alreadyLoaded);
    }

    public void remove(Extract extract) {
        context.remove("file." + extract.name());
        context.remove("identical." + extract.name());
    }

    /** Extract → file id, for the extracts of this run's folder. */
    public Map<Extract, Long> files() {
        Map<Extract, Long> files = new EnumMap<>(Extract.class);
        for (Extract extract : Extract.values()) {
            if (context.containsKey("file." + extract.name())) {
                files.put(extract, context.getLong("file." + extract.name()));
            }
        }
        return files;
    }

    /** True when the file is identical to one loaded by an earlier run (and so was not loaded again). */
    public boolean alreadyLoaded(Extract extract) {
        return Boolean.TRUE.equals(context.get("identical." + extract.name()));
    }
}
