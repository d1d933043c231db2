package org.fundguard.generator;

import java.nio.file.Path;
import java.time.LocalDate;

/** Command-line options of the generator. */
record Options(Path out, long seed, int persons, int months, LocalDate asOf, boolean badRows, boolean plantRules,
               Path manifest, boolean quiet, int claimsPerMille) {

    /** Share of persons who claim, per mille, in the default data shape (a few %). */
    static final int DEFAULT_CLAIMS_PER_MILLE = 35;

    Options(Path out, long seed, int persons, int months, LocalDate asOf, boolean badRows, boolean plantRules,
            Path manifest, boolean quiet) {
        this(out, seed, persons, months, asOf, badRows, plantRules, manifest, quiet, DEFAULT_CLAIMS_PER_MILLE);
    }

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
