package org.fundguard.extract;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A strict RFC 4180 reader that keeps track of physical lines, as extracts.md requires: a record
 * is numbered by the physical line it starts on, blank lines are skipped, and broken structure
 * ({@code "ab"c}, a quote inside an unquoted field, a quoted field still open after
 * {@value #MAX_RECORD_LINES} physical lines of its own or at end of file) is reported as {@code BAD_CSV} at the
 * record's first line, reading then resuming on the next physical line, so that one stray quote
 * cannot swallow the rest of the file.
 *
 * <p>opencsv is lenient about exactly these cases, which is why reading is done here; output is
 * written with opencsv.
 */
public final class CsvRecordReader implements Closeable {

    public static final int MAX_RECORD_LINES = 5;

    /** One record: its first physical line, its fields (or the structural error), and its raw text. */
    public record Record(long line, List<String> fields, String error, String raw, boolean undecodable) {
        public boolean broken() {
            return error != null;
        }
    }

    private final BufferedReader in;
    /** Physical lines read ahead while looking for the end of a quoted field. */
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private long nextLine = 1;
    private boolean first = true;

    public CsvRecordReader(InputStream input, Charset charset) {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.in = new BufferedReader(new InputStreamReader(input, decoder), 1 << 16);
    }

    /** The next record, skipping blank lines; null at end of file. */
    public Record next() throws IOException {
        String line;
        long number;
        do {
            line = physicalLine();
            if (line == null) {
                return null;
            }
            number = nextLine++;
        } while (line.isBlank());
        return parse(line, number);
    }

    private String physicalLine() throws IOException {
        String line = pushedBack.isEmpty() ? in.readLine() : pushedBack.pollFirst();
        if (line != null && first) {
            first = false;
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        return line;
    }

    private Record parse(String firstLine, long number) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        List<String> extraLines = null;
        String line = firstLine;
        int i = 0;
        // states: 0 = start of field, 1 = unquoted, 2 = quoted, 3 = after closing quote
        int state = 0;
        int quoteOpenedOn = 0; // index of the physical line (0 = first) on which the open quoted field began
        while (true) {
            if (i == line.length()) {
                if (state == 2) {
                    int current = extraLines == null ? 0 : extraLines.size();
                    int linesUsed = current - quoteOpenedOn + 1; // physical lines the open field spans so far
                    String more = linesUsed < MAX_RECORD_LINES ? physicalLine() : null;
                    if (more == null) {
                        if (extraLines != null) {
                            pushBack(extraLines);
                        }
                        String why = linesUsed < MAX_RECORD_LINES
                                ? "引号未闭合，直到文件末尾" : "引号字段跨越超过 " + MAX_RECORD_LINES + " 行仍未闭合";
                        return broken(number, firstLine, why);
                    }
                    if (extraLines == null) {
                        extraLines = new ArrayList<>(2);
                    }
                    extraLines.add(more);
                    field.append('\n');
                    line = more;
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                break;
            }
            char c = line.charAt(i++);
            switch (state) {
                case 0 -> {
                    if (c == '"') {
                        state = 2;
                        quoteOpenedOn = extraLines == null ? 0 : extraLines.size();
                    } else if (c == ',') {
                        fields.add("");
                    } else {
                        field.append(c);
                        state = 1;
                    }
                }
                case 1 -> {
                    if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = 0;
                    } else if (c == '"') {
                        return structural(number, firstLine, extraLines, "未加引号的字段中出现引号");
                    } else {
                        field.append(c);
                    }
                }
                case 2 -> {
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            state = 3;
                        }
                    } else {
                        field.append(c);
                    }
                }
                default -> {
                    if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = 0;
                    } else {
                        return structural(number, firstLine, extraLines, "闭合引号后还有其他字符");
                    }
                }
            }
        }
        String raw = firstLine;
        if (extraLines != null) {
            nextLine += extraLines.size();
            raw = firstLine + "\n" + String.join("\n", extraLines);
        }
        boolean undecodable = raw.indexOf('\uFFFD') >= 0;
        return new Record(number, fields, null, raw, undecodable);
    }

    /** Broken structure: the record is its first line; reading resumes on the next physical line. */
    private Record structural(long number, String firstLine, List<String> extraLines, String why) {
        if (extraLines != null) {
            pushBack(extraLines);
        }
        return broken(number, firstLine, why);
    }

    private void pushBack(List<String> lines) {
        for (int k = lines.size() - 1; k >= 0; k--) {
            pushedBack.addFirst(lines.get(k));
        }
    }

    private static Record broken(long number, String firstLine, String why) {
        return new Record(number, null, why, firstLine, firstLine.indexOf('\uFFFD') >= 0);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
