package org.fundguard.generator;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seven open output files, and the running totals the generator needs while streaming
 * (PAID subsidy amounts per city and month, for planting SKL-06 relative to the baseline).
 */
final class Out implements Closeable {
    private final EnumMap<Extract, Sink> sinks = new EnumMap<>(Extract.class);
    private final LocalDate asOf;
    /** "city4|yyyy-MM" → cents of PAID subsidies with paid_date ≤ as-of. */
    private final Map<String, Long> paid = new TreeMap<>();

    Out(Path dir, LocalDate asOf) throws IOException {
        this.asOf = asOf;
        for (Extract e : Extract.values()) {
            sinks.put(e, new Sink(dir.resolve(e.file), e.columns));
        }
    }

    Sink sink(Extract e) {
        return sinks.get(e);
    }

    long row(Extract e, String[] fields) {
        long line = sinks.get(e).row(fields);
        if (e == Extract.SUBSIDIES) {
            tally(fields);
        }
        return line;
    }

    void rows(Buffer b) {
        for (Extract e : Extract.values()) {
            for (String[] r : b.rows(e)) {
                row(e, r);
            }
        }
    }

    private void tally(String[] f) {
        String status = f[14] == null ? "" : f[14].trim();
        if (!status.equalsIgnoreCase("PAID") || f[15] == null || f[4] == null || f[4].trim().length() < 4) {
            return;
        }
        try {
            LocalDate paidOn = LocalDate.parse(f[15].trim());
            if (paidOn.isAfter(asOf)) {
                return;
            }
            long cents = new BigDecimal(f[12].trim()).movePointRight(2).longValueExact();
            paid.merge(key(f[4].trim().substring(0, 4), Dates.month(paidOn)), cents, Long::sum);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException ex) {
            // not a row the loader would count either
        }
    }

    static String key(String city4, int month) {
        return city4 + "|" + Dates.period(month);
    }

    long paidCents(String city4, int month) {
        return paid.getOrDefault(key(city4, month), 0L);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Sink s : sinks.values()) {
            try {
                s.close();
            } catch (IOException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Rows built in memory (planted cases), written in one go. */
    static final class Buffer {
        private final EnumMap<Extract, List<String[]>> rows = new EnumMap<>(Extract.class);

        Buffer() {
            for (Extract e : Extract.values()) {
                rows.put(e, new ArrayList<>());
            }
        }

        void add(Extract e, String... fields) {
            if (fields.length != e.columns.length) {
                throw new IllegalArgumentException(e + ": " + fields.length + " fields");
            }
            rows.get(e).add(fields);
        }

        List<String[]> rows(Extract e) {
            return rows.get(e);
        }

        int count(Extract e) {
            return rows.get(e).size();
        }

        void clear() {
            rows.values().forEach(List::clear);
        }
    }
}
