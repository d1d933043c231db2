package org.fundguard.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.fundguard.run.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams validated rows into an extract's staging table on the current transaction's
 * connection: {@code COPY} through pgjdbc's CopyManager on PostgreSQL (an order of magnitude
 * faster than inserts), batched inserts on H2. Nothing is held in memory beyond one batch.
 */
public abstract sealed class StagingWriter implements AutoCloseable {

    protected final Extract extract;
    protected final long fileId;
    protected long rows;

    StagingWriter(Extract extract, long fileId) {
        this.extract = extract;
        this.fileId = fileId;
    }

    public static StagingWriter open(Dialect dialect, Connection connection, Extract extract, long fileId) throws SQLException {
        return dialect == Dialect.POSTGRESQL ? new Copy(connection, extract, fileId) : new Batch(connection, extract, fileId);
    }

    protected String columnList() {
        return "line_no, file_id, " + String.join(", ", extract.dbColumns());
    }

    public abstract void write(long line, Object[] values) throws SQLException;

    public long rows() {
        return rows;
    }

    @Override
    public abstract void close() throws SQLException;

    /** PostgreSQL: COPY ... FROM STDIN in CSV format. */
    static final class Copy extends StagingWriter {
        private final Writer out;

        Copy(Connection connection, Extract extract, long fileId) throws SQLException {
            super(extract, fileId);
            PGConnection pg = connection.unwrap(PGConnection.class);
            String sql = "COPY " + extract.stagingTable() + " (" + columnList() + ") FROM STDIN WITH (FORMAT csv)";
            this.out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        }

        /** Digits are written from this buffer: no string per number (tens of millions of rows). */
        private final char[] digits = new char[20];
        private final String fileIdField = "," + fileId;

        private void writeNumber(long n) throws IOException {
            if (n < 0) {
                out.write(Long.toString(n));
                return;
            }
            int i = digits.length;
            do {
                digits[--i] = (char) ('0' + n % 10);
                n /= 10;
            } while (n != 0);
            out.write(digits, i, digits.length - i);
        }

        /** Amounts have at most two decimals (FieldType): digits written directly, like {@link BigDecimal#toPlainString()}. */
        private void writeAmount(BigDecimal d) throws IOException {
            int scale = d.scale();
            if (scale < 0 || scale > 2 || d.signum() < 0 || d.precision() > 18) {
                out.write(d.toPlainString());
                return;
            }
            long unscaled = d.unscaledValue().longValue();
            long unit = scale == 0 ? 1 : scale == 1 ? 10 : 100;
            writeNumber(unscaled / unit);
            if (scale > 0) {
                out.write('.');
                long fraction = unscaled % unit;
                if (scale == 2 && fraction < 10) {
                    out.write('0');
                }
                writeNumber(fraction);
            }
        }

        @Override
        public void write(long line, Object[] values) {
            try {
                writeNumber(line);
                out.write(fileIdField);
                for (Object value : values) {
                    out.write(',');
                    if (value == null) {
                        continue; // unquoted empty = NULL
                    }
                    if (value instanceof String s) {
                        out.write('"');
                        out.write(s.indexOf('"') >= 0 ? s.replace("\"", "\"\"") : s);
                        out.write('"');
                    } else if (value instanceof BigDecimal d) {
                        writeAmount(d);
                    } else if (value instanceof Integer n) {
                        writeNumber(n);
                    } else {
                        out.write(value.toString());
                    }
                }
                out.write('\n');
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into " + extract.stagingTable() + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                out.close();
            } catch (IOException e) {
                throw new SQLException("COPY into " + extract.stagingTable() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** H2: batched prepared inserts. */
    static final class Batch extends StagingWriter {
        private static final int BATCH = 1000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, Extract extract, long fileId) throws SQLException {
            super(extract, fileId);
            int n = extract.columns().size() + 2;
            this.insert = connection.prepareStatement("INSERT INTO " + extract.stagingTable() + " (" + columnList()
                    + ") VALUES (" + "?, ".repeat(n - 1) + "?)");
        }

        @Override
        public void write(long line, Object[] values) throws SQLException {
            insert.setLong(1, line);
            insert.setLong(2, fileId);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                int p = i + 3;
                if (v == null) {
                    insert.setNull(p, Types.NULL);
                } else if (v instanceof LocalDate d) {
                    insert.setObject(p, d);
                } else {
                    insert.setObject(p, v);
                }
            }
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }
}
