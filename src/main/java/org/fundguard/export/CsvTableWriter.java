package org.fundguard.export;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The one CSV writer of every FundGuard output (outputs.md, "CSV output conventions"): UTF-8 with
 * a byte-order mark so that Excel on Chinese Windows opens it, RFC 4180 quoting, CRLF line ends,
 * a header row, dates as yyyy-MM-dd, text cells that begin with {@code = + - @}, tab or carriage
 * return prefixed with {@code '} against formula injection, and an atomic rename when closed.
 * It counts rows and computes the file's SHA-256 for the run summary.
 */
public final class CsvTableWriter implements AutoCloseable {

    private final Path target;
    private final Path tmp;
    private final MessageDigest digest;
    private final ICSVWriter csv;
    private final OutputStream file;
    private final int width;
    private long rows;
    private boolean committed;

    public CsvTableWriter(Path target, List<String> header) {
        this.target = target;
        this.width = header.size();
        Path created = null;
        OutputStream out = null;
        try {
            created = OutputFiles.temporaryFor(target);
            this.tmp = created;
            this.digest = MessageDigest.getInstance("SHA-256");
            out = new DigestOutputStream(Files.newOutputStream(tmp), digest);
            this.file = out;
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            this.csv = new CSVWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    ',', '"', '"', "\r\n");
            csv.writeNext(header.toArray(String[]::new), false);
        } catch (IOException e) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // failing anyway
                }
            }
            OutputFiles.deleteQuietly(created);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One data row. Strings are text cells (guarded); numbers and dates are written plain; null is empty. */
    public void row(Object... cells) {
        if (cells.length != width) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + width);
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cell(cells[i]);
        }
        csv.writeNext(out, false);
        rows++;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof LocalDate) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + s;
            }
        }
        return s;
    }

    public long rows() {
        return rows;
    }

    public Path target() {
        return target;
    }

    private String sha;
    private boolean discarded;

    /** Finishes the file and renames it to its target; when that fails (disk full) the temporary file is removed. */
    @Override
    public void close() {
        if (committed || discarded) {
            return;
        }
        try {
            csv.close();
            sha = HexFormat.of().formatHex(digest.digest());
            OutputFiles.commit(tmp, target);
            committed = true;
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Gives up an unfinished file: closes it and removes the temporary file, leaving no trace. No-op once committed. */
    public void discard() {
        if (committed || discarded) {
            return;
        }
        discarded = true;
        try {
            csv.close();
        } catch (IOException ignored) {
            // the data is thrown away anyway; a failed flush leaves the file open:
            try {
                file.close();
            } catch (IOException alsoIgnored) {
                // nothing more to do
            }
        }
        OutputFiles.deleteQuietly(tmp);
    }

    /** Rows and SHA-256 of the finished file. */
    public WrittenFile written() {
        if (!committed) {
            throw new IllegalStateException("not closed");
        }
        return new WrittenFile(target, rows, sha);
    }

    /** A finished output file, for the run summary. */
    public record WrittenFile(Path path, long rows, String sha256) {
    }
}
