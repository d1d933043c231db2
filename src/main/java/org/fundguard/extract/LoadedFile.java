package org.fundguard.extract;

import java.time.LocalDate;

/** One extract file as the database remembers it (table loaded_file). */
public record LoadedFile(long id, Extract extract, String fileName, String sha256, LocalDate asOf, String state,
                         long rowsRead, long rowsLoaded, long rowsRejected, long warnings, long unknownRefs,
                         String unknownColumns) {

    public static final String STAGING = "STAGING";
    public static final String STAGED = "STAGED";
    public static final String LOADED = "LOADED";
    public static final String REJECTED = "REJECTED";
}
