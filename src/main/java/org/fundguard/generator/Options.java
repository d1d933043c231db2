package org.fundguard.generator;

import java.nio.file.Path;
import java.time.LocalDate;

/** Command-line options of the generator. */
record Options(Path out, long seed, int persons, int months, LocalDate asOf, boolean badRows, boolean plantRules,
               Path manifest, boolean quiet) {

    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_PERSONS = 300;
    static final int DEFAULT_MONTHS = 24;
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 25);

    int asOfMonth() {
        return Dates.month(asOf);
    }

    /** First contribution month of the baseline window. */
    int firstMonth() {
        return asOfMonth() - months + 1;
    }
}
