package org.fundguard.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Deterministic synthetic extracts for FundGuard (Liaoning, 辽宁): the seven files of extracts.md,
 * streamed to disk (memory does not grow with the number of rows), byte-identical for the same seed
 * and options.
 *
 * <pre>
 * generate --out DIR [--seed N] [--persons N] [--months N] [--as-of YYYY-MM-DD]
 *          [--bad-rows] [--plant-rules] [--manifest FILE] [--quiet]
 * </pre>
 *
 * The main application calls {@link #run(String[])} with the arguments that follow {@code generate}.
 */
public final class DataGenerator {

    static final String USAGE = """
            usage: generate --out DIR [options]

            Writes the seven extract files of the contract (employers.csv, contributions.csv, claims.csv,
            subsidies.csv, certificates.csv, registrations.csv, medical.csv) with synthetic Liaoning data.
            The same seed and options give byte-identical files.

              --out DIR            output folder (created if missing; existing files are overwritten)
              --seed N             random seed (default 42)
              --persons N          insured persons (default 300; 1000000 gives about 22 M contributions)
              --months N           months of contributions up to the as-of month (default 24)
              --claims-per-mille N persons who claim benefit, per mille (default 35; 170 gives the
                                   province-scale benchmark's ~170,000 claims per million persons)
              --as-of YYYY-MM-DD   the as-of date D the data is built around (default 2026-11-25)
              --bad-rows           plant rows with every reason code of extracts.md, and valid rows in
                                   unusual formats, in the middle of the files (under 3 %% of each file)
              --plant-rules        plant cases that make every screening rule fire at D, and near misses
                                   just below each threshold
              --manifest FILE      list the planted bad rows (file, line, expected reason) and rule cases
                                   (CSV, or a Markdown table when FILE ends in .md)
              --quiet              no progress output
              --help               this text

            Exit codes: 0 done, 1 write error, 2 bad arguments.
            """.formatted();

    private DataGenerator() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the generator; returns the process exit code (0 ok, 1 I/O error, 2 usage error). */
    public static int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        if (o == null) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            generate(o, o.quiet() ? null : System.err);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("generate: cannot write " + o.out() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Parsed options, or null for {@code --help}. */
    static Options parse(String[] args) {
        Path out = null;
        long seed = Options.DEFAULT_SEED;
        int persons = Options.DEFAULT_PERSONS;
        int months = Options.DEFAULT_MONTHS;
        LocalDate asOf = Options.DEFAULT_AS_OF;
        boolean bad = false;
        boolean plant = false;
        boolean quiet = false;
        Path manifest = null;
        int claims = Options.DEFAULT_CLAIMS_PER_MILLE;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--bad-rows" -> bad = true;
                case "--plant-rules" -> plant = true;
                case "--quiet" -> quiet = true;
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--manifest" -> manifest = Path.of(value(args, ++i, a));
                case "--seed" -> seed = number(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--persons" -> persons = (int) number(value(args, ++i, a), a, 0, 50_000_000);
                case "--claims-per-mille" -> claims = (int) number(value(args, ++i, a), a, 1, 900);
                case "--months" -> months = (int) number(value(args, ++i, a), a, 1, 240);
                case "--as-of" -> {
                    String v = value(args, ++i, a);
                    try {
                        asOf = LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--as-of: not a date (YYYY-MM-DD): " + v);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new Options(out, seed, persons, months, asOf, bad, plant, manifest, quiet, claims);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String v, String option, long min, long max) {
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + v);
        }
    }

    /** What a run wrote. */
    record Result(Map<Extract, Long> records, Manifest manifest, double seconds) {
    }

    static Result generate(Options o, PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(o.out());
        Ids ids = new Ids();
        Manifest mf = new Manifest();
        Out.Buffer planted = new Out.Buffer();
        Planter planter = null;
        if (o.plantRules()) {
            planter = new Planter(o, ids, mf, planted);
            planter.plant();
        }
        Map<Extract, Long> records = new EnumMap<>(Extract.class);
        try (Out out = new Out(o.out(), o.asOf())) {
            BadRows bad = new BadRows(o, ids, out, mf, planted);
            Baseline base = new Baseline(o, ids, out, bad);
            base.writeEmployers();
            bad.init(base.anEmployerId(), base.anEmployerRegion());
            base.writePersons(done -> {
                if (log != null) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    long rows = out.sink(Extract.CONTRIBUTIONS).records();
                    log.printf("generate: %,d persons, %,d contribution rows, %.0f s (%,.0f rows/s)%n", done, rows, s,
                            rows / Math.max(s, 1e-9));
                }
            });
            bad.afterPersons();
            out.rows(planted);
            planted.clear();
            if (planter != null) {
                planter.surge(out);
            }
            bad.finish();
            for (Extract e : Extract.values()) {
                records.put(e, out.sink(e).records());
            }
        }
        if (o.manifest() != null) {
            Path parent = o.manifest().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mf.write(o.manifest());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (log != null) {
            long total = 0;
            for (Extract e : Extract.values()) {
                log.printf("generate: %-18s %,12d rows%n", e.file, records.get(e));
                total += records.get(e);
            }
            log.printf("generate: %,d rows in %.1f s (%,.0f rows/s) into %s%n", total, seconds, total / seconds,
                    o.out());
            for (String n : mf.notes) {
                log.println("generate: note: " + n);
            }
        }
        return new Result(records, mf, seconds);
    }
}
