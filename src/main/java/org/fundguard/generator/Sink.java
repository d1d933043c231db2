package org.fundguard.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A streaming CSV file: UTF-8 without BOM, LF line ends, RFC 4180 quoting only where needed, written
 * through its own char buffer (no per-call locking). Tracks the physical line number so that every
 * row's starting line is known (the header is line 1).
 */
final class Sink implements Closeable {
    private final Writer out;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private long line;
    private long records;
    private String[] last;

    Sink(Path file, String[] header) throws IOException {
        out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 17),
                StandardCharsets.UTF_8);
        row(header);
        records = 0;
        last = null;
    }

    /** The line the next row will start on. */
    long nextLine() {
        return line + 1;
    }

    long records() {
        return records;
    }

    String[] last() {
        return last;
    }

    void setLast(String[] row) {
        last = row;
    }

    /** Writes one record, quoting fields as needed; null is written as an empty field. Returns its first line. */
    long row(String... fields) {
        long start = line + 1;
        int breaks = 0;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                put(',');
            }
            breaks += field(fields[i]);
        }
        put('\n');
        line += 1 + breaks;
        records++;
        last = fields;
        return start;
    }

    /** Writes raw text (a deliberately broken record) and a line end. Returns its first line. */
    long raw(String text) {
        long start = line + 1;
        put(text);
        put('\n');
        int breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                breaks++;
            }
        }
        line += 1 + breaks;
        if (!text.isBlank()) {
            records++;
        }
        return start;
    }

    private int field(String v) {
        if (v == null || v.isEmpty()) {
            return 0;
        }
        boolean quote = false;
        int breaks = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
            }
            if (c == '\n') {
                breaks++;
            }
        }
        if (!quote) {
            put(v);
            return 0;
        }
        put('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                put('"');
            }
            put(c);
        }
        put('"');
        return breaks;
    }

    // ---- fast path for the big file: the caller writes plain (never quoted) fields -----------------

    void put(char c) {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = c;
    }

    void put(String s) {
        int n = s.length();
        if (pos + n > buf.length) {
            flushBuffer();
            if (n > buf.length) {
                write(s);
                return;
            }
        }
        s.getChars(0, n, buf, pos);
        pos += n;
    }

    /** Cents as yuan with two decimals. */
    void putCents(long cents) {
        if (pos + 24 > buf.length) {
            flushBuffer();
        }
        long y = cents / 100;
        int c = (int) (cents % 100);
        if (y == 0) {
            buf[pos++] = '0';
        } else {
            int start = pos;
            while (y > 0) {
                buf[pos++] = (char) ('0' + (int) (y % 10));
                y /= 10;
            }
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                char t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }
        buf[pos++] = '.';
        buf[pos++] = (char) ('0' + c / 10);
        buf[pos++] = (char) ('0' + c % 10);
    }

    /** Ends a row written through the fast path. */
    void endRow() {
        put('\n');
        line++;
        records++;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
