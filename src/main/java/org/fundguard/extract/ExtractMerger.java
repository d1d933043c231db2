package org.fundguard.extract;

import java.util.List;
import java.util.stream.Collectors;
import org.fundguard.run.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts every staged file into its extract table by key (a corrected row replaces the earlier
 * one), set-based with the standard MERGE that H2 and PostgreSQL share, then counts references to
 * employers that no extract has delivered. Runs on the caller's transaction: the night's load
 * becomes visible all at once or not at all.
 */
@Component
public class ExtractMerger {

    private static final Logger log = LoggerFactory.getLogger(ExtractMerger.class);

    private final JdbcTemplate jdbc;
    private final LoadedFiles files;
    private final Dialect dialect;

    public ExtractMerger(JdbcTemplate jdbc, LoadedFiles files, Dialect dialect) {
        this.jdbc = jdbc;
        this.files = files;
        this.dialect = dialect;
    }

    /** Merges all staged files, employers first so that references can be checked. */
    public void mergeStaged() {
        List<LoadedFile> staged = files.staged();
        for (Extract extract : Extract.values()) {
            for (LoadedFile file : staged) {
                if (file.extract() == extract) {
                    merge(file);
                }
            }
        }
    }

    private void merge(LoadedFile file) {
        Extract extract = file.extract();
        long start = System.nanoTime();
        int rows = jdbc.update(mergeSql(extract));
        long unknown = 0;
        String reference = extract.employerReference();
        if (reference != null) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + extract.stagingTable() + " s WHERE s." + reference
                    + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM employer e WHERE e.employer_id = s." + reference + ")", Long.class);
            unknown = n == null ? 0 : n;
        }
        jdbc.execute(dialect.truncate(extract.stagingTable()));
        files.loaded(file.id(), unknown);
        log.info("{}: merged {} rows into {} in {} ms{}", extract.fileName(), rows, extract.table(),
                (System.nanoTime() - start) / 1_000_000, unknown > 0 ? "; " + unknown + " rows name an unknown employer" : "");
    }

    static String mergeSql(Extract extract) {
        List<String> columns = extract.dbColumns();
        List<String> key = extract.dbKey();
        String on = key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = s." + c)
                .collect(Collectors.joining(", "));
        String insertColumns = String.join(", ", columns) + ", file_id";
        String values = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ", s.file_id";
        return "MERGE INTO " + extract.table() + " t USING " + extract.stagingTable() + " s ON (" + on + ")"
                + " WHEN MATCHED THEN UPDATE SET " + set + ", file_id = s.file_id"
                + " WHEN NOT MATCHED THEN INSERT (" + insertColumns + ") VALUES (" + values + ")";
    }
}
