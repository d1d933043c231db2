package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.fundguard.run.ContractException;
import org.fundguard.support.Cli;
import org.fundguard.support.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Fuzz test of the extract readers (extracts.md, "Bad rows: nothing is lost, nothing is silently
 * accepted"): random bytes and random mutations of the sample-data rows, with fixed seeds, fed
 * through the path the loader takes. Nothing may crash (the only exception allowed is the
 * contract error of a broken header, exit 2), nothing may hang, and every row must be accounted for.
 *
 * <p>Level 1, reader and validator, {@value #CASES} mutated and {@value #SAME_CASES} rewritten
 * files per extract plus a few large ones: records are read with {@link CsvRecordReader}, the header
 * matched by {@link ExtractHeader}, each record classified as {@link ExtractStager} does (broken,
 * undecodable, else {@link RowValidator}). The accounting invariant checked is the one the reader
 * guarantees: the input's physical lines (split independently of the reader) are partitioned
 * into records and blank lines, every record's raw text is exactly its physical lines, and every
 * record is either loaded (only WARNs, one per nulled optional field, every stored value valid)
 * or rejected (exactly one ERROR). A non-blank line that is in no record is a lost row.
 *
 * <p>Level 2, the real job on H2, {@value #JOB_CASES} runs: mutated extract folders are screened
 * and the rejects files, summary.json and tables are compared with what level 1 predicts: rows
 * read = rows loaded (distinct keys) + ERROR lines, exit code 0, 2 or 4 as the contract says.
 *
 * <p>Every case has its own seed (printed on failure with the input), so one case can be rerun alone.
 */
class ExtractFuzzTest {

    private static final long SEED = 20261125L;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final Charset UTF_8 = StandardCharsets.UTF_8;
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Mutated and random-byte files per extract. */
    private static final int CASES = 500;
    /** Semantics-preserving rewrites of valid files per extract. */
    private static final int SAME_CASES = 100;
    /** Cases per time bound: 50 ordinary cases take about 0.1 s; the bound leaves room for a loaded CI machine. */
    private static final int BATCH = 50;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(10);
    /** Each multi-megabyte case alone: under a second when reading is linear, minutes if it were quadratic. */
    private static final Duration LARGE_LIMIT = Duration.ofSeconds(15);
    private static final int JOB_CASES = 12;

    private static final Set<String> ERROR_REASONS = Set.of("BAD_CSV", "MISSING_FIELD", "BAD_PERSON_ID", "BAD_EMPLOYER_ID",
            "BAD_REGION", "BAD_DATE", "BAD_PERIOD", "BAD_AMOUNT", "BAD_ENUM", "BAD_OCCUPATION", "BAD_TEXT", "INCONSISTENT");
    private static final Set<String> WARN_REASONS = Set.of("BAD_EMPLOYER_ID", "BAD_DATE", "BAD_AMOUNT", "BAD_ENUM",
            "BAD_OCCUPATION", "BAD_PHONE", "BAD_ACCOUNT", "BAD_TEXT", "INCONSISTENT");

    /** The header line of each sample-data file. */
    private static final Map<Extract, String> HEADER = new EnumMap<>(Extract.class);
    /** Every sample-data record of each extract, as raw text. */
    private static final Map<Extract, List<String>> ROWS = new EnumMap<>(Extract.class);
    /** Sample records that load (possibly with WARNs), one per key: the rows of the job-level folders. */
    private static final Map<Extract, List<String>> LOADABLE = new EnumMap<>(Extract.class);
    /** Sample records that parse with the header's field count, with their outcome: the rows of the rewrites. */
    private static final Map<Extract, List<Row>> WELL_FORMED = new EnumMap<>(Extract.class);
    /** What the loader makes of each parseable sample record on its own: raw text to outcome. */
    private static final Map<Extract, Map<String, Row>> BASELINE = new EnumMap<>(Extract.class);

    /** One data record and what the stager makes of it: values when loaded, else null. */
    record Row(CsvRecordReader.Record record, Object[] values, List<Issue> issues) {
        boolean loaded() {
            return values != null;
        }
    }

    /** A file as the loader sees it: the header (or the contract error it raises) and the data records. */
    record Load(CsvRecordReader.Record headerRecord, ExtractHeader header, ContractException contractError, List<Row> rows) {
    }

    /** A generated input file; {@code placed} maps a physical line to the unmutated sample row written there. */
    record Input(String kind, byte[] bytes, Charset charset, Map<Integer, String> placed) {
    }

    @BeforeAll
    static void readSampleData() throws IOException {
        for (Extract extract : Extract.values()) {
            byte[] bytes = Files.readAllBytes(Path.of("sample-data", extract.fileName()));
            Load load = load(extract, bytes, UTF_8);
            assertNull(load.contractError());
            HEADER.put(extract, load.headerRecord().raw());
            List<String> rows = new ArrayList<>();
            List<String> loadable = new ArrayList<>();
            List<Row> wellFormed = new ArrayList<>();
            Map<String, Row> baseline = new HashMap<>();
            Set<String> keys = new HashSet<>();
            for (Row row : load.rows()) {
                rows.add(row.record().raw());
                if (row.loaded() && keys.add(key(extract, row))) {
                    loadable.add(row.record().raw());
                }
                if (!row.record().broken() && !row.record().undecodable()) {
                    baseline.put(row.record().raw(), row);
                    if (row.record().fields().size() == load.header().fieldCount()) {
                        wellFormed.add(row);
                    }
                }
            }
            ROWS.put(extract, rows);
            LOADABLE.put(extract, loadable);
            WELL_FORMED.put(extract, wellFormed);
            BASELINE.put(extract, baseline);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Level 1: reader and validator
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Extract.class)
    void randomBytesAndMutatedRowsAreEachLoadedOrRejected(Extract extract) {
        runBatches(extract, CASES, BATCH, BATCH_LIMIT,
                (random, c) -> c % 4 == 0 ? randomBytes(extract, random) : mutatedRows(extract, random));
    }

    @ParameterizedTest
    @EnumSource(Extract.class)
    void rewritingAFileWithoutChangingItsMeaningChangesNoOutcome(Extract extract) {
        runBatches(extract, SAME_CASES, BATCH, BATCH_LIMIT, (random, c) -> rewritten(extract, random));
    }

    @ParameterizedTest
    @EnumSource(Extract.class)
    void largePathologicalFilesFinishQuickly(Extract extract) {
        runBatches(extract, 4, 1, LARGE_LIMIT, (random, c) -> pathological(extract, random, c));
    }

    interface Generator {
        Input generate(java.util.Random random, int caseNo);
    }

    private static void runBatches(Extract extract, int cases, int batch, Duration limit, Generator generator) {
        AtomicReference<String> current = new AtomicReference<>("");
        for (int from = 0; from < cases; from += batch) {
            int start = from;
            assertTimeoutPreemptively(limit, () -> {
                for (int c = start; c < Math.min(cases, start + batch); c++) {
                    long seed = caseSeed(extract, c);
                    current.set(extract + " case " + c + " (seed " + seed + ")");
                    Input input = generator.generate(new java.util.Random(seed), c);
                    current.set(current.get() + " " + input.kind() + ", input " + show(input));
                    runCase(extract, c, seed, input);
                }
            }, () -> "no result within " + limit.toSeconds() + " s (hang?) at " + current.get());
        }
    }

    private static long caseSeed(Extract extract, int c) {
        return SEED * 1_000_003L + extract.ordinal() * 100_000L + c;
    }

    private static void runCase(Extract extract, int c, long seed, Input input) {
        Load load;
        try {
            load = load(extract, input.bytes(), input.charset());
        } catch (Throwable e) {
            throw new AssertionError(extract + " case " + c + " (seed " + seed + ", " + input.kind() + "): the loader threw "
                    + e + "\n" + stackTrace(e) + "input: " + show(input), e);
        }
        try {
            checkAccounting(extract, input, load);
            if (input.placed() != null && load.contractError() == null) {
                checkPlacedRows(extract, input, load);
            }
        } catch (AssertionError e) {
            throw new AssertionError(extract + " case " + c + " (seed " + seed + ", " + input.kind() + "): " + e.getMessage()
                    + "\ninput: " + show(input), e);
        }
    }

    /** The loader's path for one file: header, then each record classified as ExtractStager.read does. */
    static Load load(Extract extract, byte[] bytes, Charset charset) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), charset)) {
            CsvRecordReader.Record first = reader.next();
            ExtractHeader header;
            try {
                header = ExtractHeader.of(extract, Path.of(extract.fileName()), first);
            } catch (ContractException e) {
                return new Load(first, null, e, List.of());
            }
            RowValidator validator = new RowValidator(extract, header.fieldOfColumn(), header.fieldCount(), AS_OF);
            List<Row> rows = new ArrayList<>();
            CsvRecordReader.Record record;
            while ((record = reader.next()) != null) {
                if (rows.size() > bytes.length) {
                    fail("the reader returns more records than the file has bytes: it does not advance");
                }
                List<Issue> unreadable = ExtractStager.unreadable(record, charset);
                if (unreadable != null) {
                    rows.add(new Row(record, null, unreadable));
                } else {
                    RowValidator.Result result = validator.validate(record.fields());
                    rows.add(new Row(record, result.values(), result.issues()));
                }
            }
            assertNull(reader.next(), "the reader stays at end of file");
            return new Load(first, header, null, rows);
        }
    }

    /**
     * The input's physical lines as extracts.md counts them, split here independently of the
     * reader: CR LF, CR or LF end a line, a final line without line break counts, a byte-order mark
     * at the very start is not part of the first line.
     */
    static List<String> physicalLines(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                lines.add(text.substring(start, i));
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    /** Blank as extracts.md means it: nothing but white space (such lines are skipped, not rows). */
    private static boolean blank(String line) {
        return line.isBlank();
    }

    static void checkAccounting(Extract extract, Input input, Load load) {
        List<String> lines = physicalLines(input.bytes(), input.charset());
        if (load.headerRecord() == null) {
            assertNotNull(load.contractError(), "an empty file is a contract error");
            for (int i = 0; i < lines.size(); i++) {
                assertTrue(blank(lines.get(i)), "no header read, but line " + (i + 1) + " is not blank");
            }
            return;
        }
        List<CsvRecordReader.Record> records = new ArrayList<>();
        records.add(load.headerRecord());
        load.rows().forEach(r -> records.add(r.record()));
        boolean[] covered = new boolean[lines.size()];
        long last = 0; // last physical line of the previous record
        for (CsvRecordReader.Record r : records) {
            String at = "record at line " + r.line();
            assertTrue(r.line() > last, at + " starts before the end of the previous record (line " + last + ")");
            assertTrue(r.line() <= lines.size(), at + ": the input has only " + lines.size() + " lines");
            int first = Math.toIntExact(r.line() - 1);
            int span = r.broken() ? 1 : (int) r.raw().chars().filter(ch -> ch == '\n').count() + 1;
            assertTrue(first + span <= lines.size(), at + " spans " + span + " lines, past the end of the input");
            assertEquals(String.join("\n", lines.subList(first, first + span)), r.raw(), at + ": raw text is not its physical lines");
            assertFalse(blank(lines.get(first)), at + " starts on a blank line");
            if (!r.broken()) {
                for (String field : r.fields()) {
                    assertTrue(field.chars().filter(ch -> ch == '\n').count() < CsvRecordReader.MAX_RECORD_LINES,
                            at + ": a quoted field spans more than " + CsvRecordReader.MAX_RECORD_LINES + " lines");
                }
            }
            for (int k = first; k < first + span; k++) {
                assertFalse(covered[k], "line " + (k + 1) + " is in two records");
                covered[k] = true;
            }
            last = first + span;
            assertEquals(r.broken(), r.fields() == null, at + ": fields and error disagree");
            assertEquals(r.broken(), r.error() != null, at + ": fields and error disagree");
            assertEquals(r.raw().indexOf('\uFFFD') >= 0, r.undecodable(), at + ": undecodable flag");
        }
        if (load.contractError() != null) {
            return; // the file fails the run before anything is loaded (exit 2): there are no rows to account for
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!covered[i]) {
                assertTrue(blank(lines.get(i)), "line " + (i + 1) + " is neither blank nor in a record: a lost row");
            }
        }
        for (Row row : load.rows()) {
            checkRow(extract, load.header(), row);
        }
    }

    /** A row is exactly one of: rejected with one ERROR, or loaded with valid values and one WARN per nulled field. */
    static void checkRow(Extract extract, ExtractHeader header, Row row) {
        String at = "line " + row.record().line();
        List<ColumnSpec> columns = extract.columns();
        Set<String> names = new HashSet<>(columns.stream().map(ColumnSpec::name).toList());
        for (Issue issue : row.issues()) {
            assertNotNull(issue.message());
            assertTrue(issue.message().length() <= 1000, at + ": message longer than load_reject.message");
            assertTrue(issue.column().length() <= 40, at + ": column longer than load_reject.col");
        }
        if (!row.loaded()) {
            assertEquals(1, row.issues().size(), at + ": a rejected row has exactly one reject line, got " + row.issues());
            Issue issue = row.issues().get(0);
            assertEquals(Issue.Severity.ERROR, issue.severity(), at + ": a rejected row's reject line is an ERROR");
            assertTrue(ERROR_REASONS.contains(issue.reason()), at + ": reason " + issue.reason());
            assertTrue(issue.reason().equals("BAD_CSV") ? issue.column().isEmpty() : names.contains(issue.column()),
                    at + ": column " + issue.column() + " of " + issue.reason());
            return;
        }
        CsvRecordReader.Record record = row.record();
        assertFalse(record.broken() || record.undecodable(), at + ": broken or undecodable record loaded");
        assertEquals(header.fieldCount(), record.fields().size(), at + ": loaded with a wrong number of fields");
        assertEquals(columns.size(), row.values().length, at);
        Set<String> warned = new HashSet<>();
        for (Issue issue : row.issues()) {
            assertEquals(Issue.Severity.WARN, issue.severity(), at + ": a loaded row has an ERROR: " + issue);
            assertTrue(WARN_REASONS.contains(issue.reason()), at + ": WARN reason " + issue.reason());
            assertTrue(warned.add(issue.column()), at + ": two WARN lines for " + issue.column());
            ColumnSpec spec = columns.get(extract.indexOf(issue.column()));
            assertFalse(spec.required(), at + ": WARN on required column " + spec.name());
            assertNull(row.values()[extract.indexOf(issue.column())], at + ": WARN on " + spec.name() + " but the value is kept");
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i);
            int field = header.fieldOfColumn()[i];
            String text = field < 0 ? null : record.fields().get(field).strip();
            if (text != null && text.isEmpty()) {
                text = null;
            }
            Object value = row.values()[i];
            if (spec.required()) {
                assertNotNull(value, at + ": required " + spec.name() + " is null in a loaded row");
            }
            if (value == null) {
                assertEquals(text != null, warned.contains(spec.name()),
                        at + ": " + spec.name() + " nulled without a WARN, or a WARN on an empty field");
                continue;
            }
            assertNotNull(text, at + ": " + spec.name() + " has a value but its field is empty");
            if (value instanceof LocalDate d) {
                // PostgreSQL's DATE has no year 0 (LocalDate's year 0 is 1 BC): COPY would fail the whole run
                assertTrue(d.getYear() >= 1 && d.getYear() <= 9999, at + ": " + spec.name() + " " + d + " cannot be stored");
            }
            assertEquals(value, spec.type().parse(text, spec, AS_OF), at + ": " + spec.name() + " is not its field's value");
            assertEquals(value, spec.type().parse(format(spec, value), spec, AS_OF),
                    at + ": the stored " + spec.name() + " " + value + " is not a valid value itself");
        }
    }

    private static String format(ColumnSpec spec, Object value) {
        if (spec.type() == FieldType.PERIOD) {
            return Months.format((Integer) value);
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** An unmutated sample row that starts its own record must fare exactly as in the sample file. */
    static void checkPlacedRows(Extract extract, Input input, Load load) {
        Map<Long, Row> byLine = new HashMap<>();
        load.rows().forEach(r -> byLine.put(r.record().line(), r));
        for (Map.Entry<Integer, String> placed : input.placed().entrySet()) {
            Row expected = BASELINE.get(extract).get(placed.getValue());
            Row actual = byLine.get((long) placed.getKey());
            if (expected == null || actual == null || !actual.record().raw().equals(placed.getValue())) {
                continue; // not a parseable sample row, or swallowed by a (legitimately) multi-line record before it
            }
            assertSameOutcome(expected, actual, "unmutated row at line " + placed.getKey());
        }
    }

    private static void assertSameOutcome(Row expected, Row actual, String what) {
        assertEquals(expected.loaded(), actual.loaded(), what + ": loaded/rejected differs; was " + expected.issues()
                + ", now " + actual.issues());
        if (expected.loaded()) {
            assertTrue(Arrays.equals(expected.values(), actual.values()),
                    what + ": values differ: " + Arrays.toString(expected.values()) + " vs " + Arrays.toString(actual.values()));
        }
        assertEquals(summary(expected.issues()), summary(actual.issues()), what + ": reject lines differ");
    }

    private static List<String> summary(List<Issue> issues) {
        return issues.stream().map(i -> i.severity() + " " + i.reason() + " " + i.column()).toList();
    }

    // ------------------------------------------------------------------------------------------
    // Generators
    // ------------------------------------------------------------------------------------------

    private static final String[] EOL = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};
    private static final char[] ODD_CHARS = {'\0', '\r', '\n', '"', ',', ' ', '\t', '\uFEFF', '\uFFFD', 'ß', '\uFB00', 'İ', 'ı',
            '\u00A0', '\u3000', '\u2028', '\u200B', '\u0661', '\uFF11', 'x', 'X', '-', '/', '.', '+', 'e', '0', '5', '9', '张',
            '\u0085', '\u001F', '\u000B', '\'', '\\', '=', '@', '\u0301', '\uD800', '\uDC00'};
    private static final String[] ODD_VALUES = {"", " ", "  \t ", "1e3", "+5", ".5", "-1", "1.234", "0.1", "999999999999.99",
            "1000000000000", "2026-02-29", "2024-02-29", "20261301", "2026/11/25", "2026/11/5", "0000-01-01", "9999-12-31",
            "1998-12", "1999-01", "199901", "2026-13", "202600", "00", "6", "04", "1", "５", "０１", "Ｘ", "M60", "f50", "m60",
            "y", "n", "Y ", "null", "NULL", "N/A", "=cmd|' /C calc'!A0", "@SUM(A1)", "\"", "\"\"", ",", "'", "\\", "0",
            "000000000000000000", "21010219800101001X", "21010219800101001x", "210102800101001", "11010520261126001X",
            "91210102MA0000001Y", "91210102ma0000001y", "+86 138-1234-5678", "8613812345678", "86 13812345678", "138",
            "6222 0000 0000 0000", "12345678901", "1-01-01-01", "9-01-01-01", "6-29-01-01-02", "6-29-01", "210102", "000000",
            "990000", "71000", "received", "Paid", "EMPLOYEE ", "skill_level", "VALID\u0000", "\uFEFFRECEIVED", "张三\u0000",
            "\uD842\uDFB7", "𠮷野家", "ß".repeat(21), "\uFB00".repeat(21)};

    private static final Map<FieldType, String[]> EDGES = Map.of(
            FieldType.DATE, new String[] {"0000-01-01", "00000229", "0000/12/31", "0001-01-01", "9999-12-31", "2026-02-29",
                    "2024-02-29", "1900-02-29", "2026-11-26", "18991231", "2026-1-05", "2026-11-25 "},
            FieldType.PERIOD, new String[] {"1998-12", "1999-01", "0000-01", "9999-12", "202613", "2026-00", "2026-1", "２０２６-01"},
            FieldType.AMOUNT, new String[] {"0", "0.00", "999999999999.99", "1000000000000", "00000000000001", ".5", "5.", "1,000",
                    "-0.00", "１００"},
            FieldType.LEVEL, new String[] {"0", "1", "5", "6", "\u0663", "05", "3.0"},
            FieldType.PERSON_ID, new String[] {"21010220261126001X", "210102202611250010", "21010219800101001x",
                    "210102800101001", "00010219800101001X", "210102000002290014"},
            FieldType.REGION, new String[] {"110000", "820000", "830000", "100000", "２１０１０２", "21010"},
            FieldType.OCCUPATION, new String[] {"1-01-01-01", "8-99-99-99-99", "9-01-01-01", "0-01-01-01", "6-29-01-01-"});

    private static Input randomBytes(Extract extract, java.util.Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean withHeader = random.nextInt(10) != 0;
        Charset charset = random.nextInt(8) == 0 ? GB18030 : UTF_8;
        if (withHeader) {
            out.writeBytes((HEADER.get(extract) + EOL[random.nextInt(EOL.length)]).getBytes(charset));
        }
        int tokens = random.nextInt(200);
        for (int t = 0; t < tokens; t++) {
            switch (random.nextInt(12)) {
                case 0, 1 -> out.write(random.nextInt(256));
                case 2 -> out.write(new int[] {0, '\r', '\n', '"', ',', ' ', 0xFF, 0xC3, 0x80, 0xC0, 0xED}[random.nextInt(11)]);
                case 3 -> out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                case 4 -> out.writeBytes("张王李赵欧阳䶮𠮷".substring(random.nextInt(6), 7).getBytes(UTF_8));
                case 5 -> out.writeBytes("张王李赵欧阳".getBytes(GB18030));
                case 6 -> out.writeBytes(pick(random, ROWS.get(extract)).getBytes(charset));
                case 7 -> out.writeBytes("\"".repeat(1 + random.nextInt(4)).getBytes(UTF_8));
                case 8 -> out.writeBytes(",,,\r\n".substring(random.nextInt(5)).getBytes(UTF_8));
                case 9 -> out.writeBytes(Integer.toString(random.nextInt(1_000_000)).getBytes(UTF_8));
                case 10 -> out.writeBytes(ODD_VALUES[random.nextInt(ODD_VALUES.length)].getBytes(charset));
                default -> out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded surrogate
            }
        }
        return new Input(withHeader ? "random bytes after the header" : "random bytes", out.toByteArray(), charset, null);
    }

    private static Input mutatedRows(Extract extract, java.util.Random random) {
        Charset charset = random.nextInt(10) == 0 ? GB18030 : UTF_8;
        StringBuilder text = new StringBuilder();
        boolean bom = random.nextInt(8) == 0;
        String header = HEADER.get(extract);
        boolean headerMutated = random.nextInt(25) == 0;
        if (headerMutated) {
            header = mutate(header, random, extract);
        }
        String eol = EOL[random.nextInt(EOL.length)];
        boolean mixedEol = random.nextInt(5) == 0;
        text.append(header).append(eol);
        Map<Integer, String> placed = new LinkedHashMap<>();
        int rows = 1 + random.nextInt(30);
        double rate = new double[] {0.1, 0.3, 0.6, 1.0}[random.nextInt(4)];
        for (int i = 0; i < rows; i++) {
            String row = pick(random, ROWS.get(extract));
            if (random.nextDouble() < rate) {
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    row = mutate(row, random, extract);
                }
            } else {
                placed.put(lineCount(text) + 1, row);
            }
            text.append(row).append(mixedEol ? EOL[random.nextInt(EOL.length)] : eol);
        }
        if (random.nextInt(4) == 0) {
            text.setLength(text.length() - 1); // no line break at the end (or a lone CR of a CR LF)
        }
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(charset);
        if (random.nextInt(6) == 0) {
            bytes = mutateBytes(bytes, random);
            placed = null; // physical lines may have moved
        }
        if (headerMutated) {
            placed = null; // the columns may have changed
        }
        return new Input("mutated rows", bytes, charset, placed);
    }

    /** Number of physical lines (line breaks) in text so far. */
    private static int lineCount(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    static String mutate(String row, java.util.Random random, Extract extract) {
        int pos = random.nextInt(row.length() + 1);
        List<String> fields = new ArrayList<>(Arrays.asList(row.split(",", -1)));
        int f = random.nextInt(fields.size());
        return switch (random.nextInt(25)) {
            case 0 -> row.isEmpty() ? row : row.substring(0, Math.min(pos, row.length() - 1)) + row.substring(Math.min(pos, row.length() - 1) + 1);
            case 1 -> row.substring(0, pos) + ODD_CHARS[random.nextInt(ODD_CHARS.length)] + row.substring(pos);
            case 2 -> row.isEmpty() ? row : row.substring(0, Math.min(pos, row.length() - 1) + 1) + row.substring(Math.min(pos, row.length() - 1));
            case 3 -> row.substring(0, pos) + "\"" + row.substring(pos);
            case 4 -> row.substring(0, pos) + "," + row.substring(pos);
            case 5 -> row.substring(0, pos) + EOL[random.nextInt(EOL.length)] + row.substring(pos);
            case 6 -> row.substring(0, pos);
            case 7 -> {
                int g = random.nextInt(fields.size());
                String tmp = fields.get(f);
                fields.set(f, fields.get(g));
                fields.set(g, tmp);
                yield String.join(",", fields);
            }
            case 8 -> {
                if (fields.size() > 1) {
                    fields.remove(f);
                }
                yield String.join(",", fields);
            }
            case 9 -> {
                fields.add(f, ODD_VALUES[random.nextInt(ODD_VALUES.length)].replace(",", ""));
                yield String.join(",", fields);
            }
            case 10 -> {
                fields.set(f, boundaryText(random));
                yield String.join(",", fields);
            }
            case 11 -> {
                fields.set(f, randomUnicode(random, random.nextInt(12)));
                yield String.join(",", fields);
            }
            case 12 -> random.nextBoolean() ? " \t" + EOL[random.nextInt(EOL.length)] + row : row + EOL[random.nextInt(EOL.length)];
            case 13 -> row.substring(0, pos) + "\uFEFF" + row.substring(pos);
            case 14 -> {
                fields.set(f, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                yield String.join(",", fields);
            }
            case 15 -> {
                fields.set(f, quote(fields.get(f) + (random.nextBoolean() ? "" : "\"x,\n" + "y")));
                yield String.join(",", fields);
            }
            case 16 -> {
                // a quoted field spanning 1..7 physical lines: around the 5-line limit
                int breaks = random.nextInt(7);
                StringBuilder b = new StringBuilder("\"").append(fields.get(f));
                for (int k = 0; k < breaks; k++) {
                    b.append(EOL[random.nextInt(EOL.length)]).append(random.nextBoolean() ? "" : "续" + k);
                }
                fields.set(f, b.append(random.nextInt(5) == 0 ? "" : "\"").toString());
                yield String.join(",", fields);
            }
            case 17 -> {
                String other = pick(random, ROWS.get(extract));
                int cut = random.nextInt(other.length() + 1);
                yield row.substring(0, pos) + other.substring(cut);
            }
            case 18 -> row.substring(0, pos) + "\0" + row.substring(pos);
            case 19 -> random.nextBoolean() ? row.toLowerCase(Locale.ROOT) : row.toUpperCase(Locale.ROOT);
            case 20 -> {
                fields.set(f, " \t\u3000" + fields.get(f) + " \u00A0 ");
                yield String.join(",", fields);
            }
            case 21 -> row + EOL[random.nextInt(EOL.length)] + row; // the same row twice
            case 23 -> {
                // an edge value of the column's type (sample rows are in contract column order)
                int column = random.nextInt(extract.columns().size());
                String[] edges = EDGES.getOrDefault(extract.columns().get(column).type(), ODD_VALUES);
                if (column < fields.size()) {
                    fields.set(column, edges[random.nextInt(edges.length)]);
                }
                yield String.join(",", fields);
            }
            case 22 -> {
                // one digit changed: check characters, dates, amounts
                char[] chars = row.toCharArray();
                for (int k = 0; k < chars.length; k++) {
                    int at = (pos + k) % chars.length;
                    if (Character.isDigit(chars[at])) {
                        chars[at] = (char) ('0' + random.nextInt(10));
                        break;
                    }
                }
                yield new String(chars);
            }
            default -> {
                String v = fields.get(f);
                if (v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    v = random.nextBoolean() ? v.replace("-", "") : v.replace('-', '/');
                } else if (v.matches("[0-9]{4}-[0-9]{2}")) {
                    v = v.replace("-", "");
                } else {
                    v = v + v;
                }
                fields.set(f, v);
                yield String.join(",", fields);
            }
        };
    }

    /** Text of about a text(n) limit (40, 50, 200, 500 characters) or far over it, in BMP or supplementary characters. */
    private static String boundaryText(java.util.Random random) {
        int[] limits = {40, 50, 200, 500, 5000};
        int n = limits[random.nextInt(limits.length)] + random.nextInt(3) - 1;
        String unit = new String[] {"a", "张", "𠮷", "ß", "\uFB00", "x\u0301"}[random.nextInt(6)];
        String s = unit.repeat(n / Math.max(1, unit.codePointCount(0, unit.length())));
        return s.contains(",") || s.contains("\"") ? quote(s) : s;
    }

    private static String randomUnicode(java.util.Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0x4E00 + random.nextInt(0x5000);
                case 2 -> 0x20000 + random.nextInt(0xA6D0);
                case 3 -> 0x80 + random.nextInt(0x780);
                case 4 -> random.nextInt(0x20);
                default -> random.nextInt(0x110000);
            };
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                b.append((char) cp); // a lone surrogate: not encodable
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static byte[] mutateBytes(byte[] bytes, java.util.Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int changes = 1 + random.nextInt(5);
        TreeSet<Integer> at = new TreeSet<>();
        for (int i = 0; i < changes; i++) {
            at.add(random.nextInt(bytes.length + 1));
        }
        for (int i = 0; i <= bytes.length; i++) {
            if (at.contains(i)) {
                switch (random.nextInt(4)) {
                    case 0 -> out.write(random.nextInt(256));
                    case 1 -> out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // overlong '/'
                    case 2 -> out.writeBytes(new byte[] {(byte) 0xD5, (byte) 0xC5}); // 张 in GB18030
                    default -> {
                        if (i < bytes.length) {
                            i++; // drop a byte: cuts a multi-byte character
                        }
                    }
                }
            }
            if (i < bytes.length) {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /**
     * A valid file rewritten in ways extracts.md says do not matter: columns reordered, an unknown
     * column added, header names in other case with spaces, values padded or quoted, enums, ids
     * and dates written differently, blank lines, CR LF or CR line ends, a byte-order mark, GB18030.
     * Every row must come out as it does in the sample file, on the line it was written on.
     */
    private static Input rewritten(Extract extract, java.util.Random random) {
        List<ColumnSpec> columns = extract.columns();
        int width = columns.size() + random.nextInt(3);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            order.add(i); // i >= columns.size(): an unknown column
        }
        java.util.Collections.shuffle(order, random);
        List<String> header = new ArrayList<>();
        for (int i : order) {
            String name = i < columns.size() ? columns.get(i).name() : "x_remark_" + i;
            name = random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
            header.add(random.nextInt(4) == 0 ? quote(" " + name + "\t") : name);
        }
        Charset charset = random.nextInt(5) == 0 ? GB18030 : UTF_8;
        String eol = EOL[random.nextInt(EOL.length)];
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        text.append(String.join(",", header)).append(eol);
        int[] fieldOfColumn = ExtractHeader.of(extract, Path.of("sample"), sampleHeaderRecord(extract)).fieldOfColumn();
        Map<Integer, String> placed = new LinkedHashMap<>();
        List<Row> expected = new ArrayList<>();
        int rows = 1 + random.nextInt(20);
        for (int r = 0; r < rows; r++) {
            while (random.nextInt(6) == 0) {
                text.append(new String[] {"", " ", "\t", " \u3000 "}[random.nextInt(4)]).append(eol);
            }
            Row sample = pick(random, WELL_FORMED.get(extract));
            List<String> fields = sample.record().fields();
            List<String> cells = new ArrayList<>();
            for (int i : order) {
                if (i >= columns.size()) {
                    cells.add(quote(random.nextBoolean() ? "备注, \"引号\"\n第二行" : "x" + random.nextInt(1000) + "号"));
                    continue;
                }
                cells.add(rewriteValue(columns.get(i), fields.get(fieldOfColumn[i]), random));
            }
            placed.put(lineCount(text) + 1, sample.record().raw());
            expected.add(sample);
            text.append(String.join(",", cells)).append(eol);
        }
        Input input = new Input("rewritten", text.toString().getBytes(charset), charset, null);
        Load load;
        try {
            load = load(extract, input.bytes(), charset);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // compared right here: the rows are the sample rows in a new form
        String where = "rewritten file, input " + show(input);
        assertNull(load.contractError(), where);
        assertEquals(rows, load.rows().size(), where + ": number of records");
        int k = 0;
        for (Map.Entry<Integer, String> p : placed.entrySet()) {
            Row actual = load.rows().get(k);
            assertEquals((long) p.getKey(), actual.record().line(), where + ": line number of row " + (k + 1));
            assertSameOutcome(expected.get(k), actual, where + ", row " + (k + 1));
            k++;
        }
        return input;
    }

    private static CsvRecordReader.Record sampleHeaderRecord(Extract extract) {
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(HEADER.get(extract).getBytes(UTF_8)), UTF_8)) {
            return reader.next();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The same value written differently, as far as the contract says it is the same value. */
    private static String rewriteValue(ColumnSpec spec, String value, java.util.Random random) {
        String v = value;
        boolean ascii = v.chars().allMatch(ch -> ch < 0x80);
        if (ascii && random.nextInt(3) == 0) {
            switch (spec.type()) {
                case ENUM, PERSON_ID, EMPLOYER_ID -> v = random.nextBoolean() ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
                case DATE -> {
                    if (v.strip().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                        v = random.nextBoolean() ? v.replace("-", "") : v.replace('-', '/');
                    }
                }
                case PERIOD -> {
                    if (v.strip().matches("[0-9]{4}-[0-9]{2}")) {
                        v = v.replace("-", "");
                    }
                }
                default -> {
                }
            }
        }
        if (!v.isEmpty() && random.nextInt(4) == 0) {
            v = new String[] {" ", "\t", "\u3000", "  "}[random.nextInt(4)] + v + new String[] {"", " ", "\t "}[random.nextInt(3)];
        }
        return random.nextInt(4) == 0 ? quote(v) : minimalQuote(v);
    }

    private static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String minimalQuote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? quote(v) : v;
    }

    /** Large inputs that would expose quadratic or unbounded reading. */
    private static Input pathological(Extract extract, java.util.Random random, int c) {
        String header = HEADER.get(extract) + "\n";
        String body = switch (c) {
            case 0 -> ("\"" + pick(random, ROWS.get(extract)) + "\n").repeat(10_000); // every line opens a quote
            case 1 -> ",".repeat(1_000_000) + "\n"; // a million empty fields
            case 2 -> "\"" + "长".repeat(100_000) + "\n" + "x".repeat(100_000) + "\n\n\n" + "\"\"".repeat(50_000) + "\n"
                    + String.join("\n", ROWS.get(extract).subList(0, 5)) + "\n"; // a long field open over 6 lines
            default -> ("\n".repeat(1000) + " \t\r\n").repeat(100) + "\"\r\r\r\r\r\"\n".repeat(3000);
        };
        return new Input("large file " + c, (header + body).getBytes(UTF_8), UTF_8, null);
    }

    private static <T> T pick(java.util.Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String show(Input input) {
        byte[] b = input.bytes();
        String text = new String(b, 0, Math.min(b.length, 1500), input.charset());
        StringBuilder out = new StringBuilder(input.charset() + ", " + b.length + " bytes, Java string literal: \"");
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else {
                for (char ch : Character.toChars(cp)) {
                    out.append(String.format("\\u%04X", (int) ch));
                }
            }
        });
        return out.append(b.length > 1500 ? "\" ..." : "\"").toString();
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    // ------------------------------------------------------------------------------------------
    // Level 2: the real job on H2
    // ------------------------------------------------------------------------------------------

    /** What level 1 predicts for one file of a job-level case. */
    record Expected(Load load, long read, long loaded, long rejected, long warnings, List<String> rejectLines, Set<String> keys) {
    }

    @Test
    void mutatedFoldersScreenedOnH2AccountForEveryRow(@TempDir Path tmp) throws Exception {
        for (int c = 0; c < JOB_CASES; c++) {
            long seed = SEED + 7919L * c;
            java.util.Random random = new java.util.Random(seed);
            Path dir = tmp.resolve("case" + c);
            Path night = dir.resolve("night");
            Files.createDirectories(night);
            Charset charset = c == 3 || c == 9 ? GB18030 : UTF_8;
            // every third case: at most one mutated row per file (mostly under the reject limit), else a mutation rate
            double rate = c % 3 == 0 ? -1 : new double[] {0.02, 0.05, 0.1, 0.3}[c % 4];
            Map<Extract, Expected> expected = new EnumMap<>(Extract.class);
            Map<Extract, byte[]> files = new EnumMap<>(Extract.class);
            for (Extract extract : Extract.values()) {
                if (!extract.required() && random.nextInt(10) < 3) {
                    continue;
                }
                byte[] bytes = jobFile(extract, random, charset, rate, c);
                Files.write(night.resolve(extract.fileName()), bytes);
                files.put(extract, bytes);
                expected.put(extract, expect(extract, load(extract, bytes, charset)));
            }
            String url = Databases.h2(dir.resolve("db"));
            Path out = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("screen", "--extracts", night.toString(), "--as-of", AS_OF.toString(),
                    "--out", out.toString()));
            if (charset == GB18030) {
                args.addAll(List.of("--charset", "GB18030"));
            }
            Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Cli.run(url, args.toArray(String[]::new)), "job case " + c + " did not finish within 60 s");
            String where = "job case " + c + " (seed " + seed + ", files in " + night + ")";
            try {
                checkJob(expected, result, url, out.resolve(AS_OF.toString()));
            } catch (AssertionError e) {
                StringBuilder inputs = new StringBuilder();
                files.forEach((x, b) -> inputs.append('\n').append(x.fileName()).append(": ")
                        .append(show(new Input("", b, charset, null))));
                throw new AssertionError(where + ": " + e.getMessage() + "\nstderr: " + result.stderr() + inputs, e);
            }
        }
    }

    private static byte[] jobFile(Extract extract, java.util.Random random, Charset charset, double rate, int c) {
        String eol = EOL[random.nextInt(EOL.length)];
        String header = HEADER.get(extract);
        if (c == 10 && extract == Extract.CLAIMS) {
            header = header.replace("status", "statu"); // a required column missing: exit 2
        }
        if (random.nextBoolean()) {
            header = header.toUpperCase(Locale.ROOT).replace(",", " , ");
        }
        StringBuilder text = new StringBuilder(header).append(eol);
        List<String> pool = new ArrayList<>(LOADABLE.get(extract));
        java.util.Collections.shuffle(pool, random);
        int rows = Math.min(pool.size(), 40 + random.nextInt(60));
        int mutateOnly = rate < 0 ? random.nextInt(2 * rows) : -1; // light cases: row to mutate, if any
        List<String> written = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String row = rate >= 0.1 && random.nextInt(20) == 0 ? pick(random, ROWS.get(extract)) : pool.get(i);
            if (rate > 0 && !written.isEmpty() && random.nextInt(60) == 0) {
                row = pick(random, written); // the same key again
            } else if (i == mutateOnly || random.nextDouble() < rate) {
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    row = mutate(row, random, extract);
                }
            }
            written.add(row);
            text.append(row).append(eol);
        }
        byte[] bytes = text.toString().getBytes(charset);
        if (c == 5 && extract == Extract.CLAIMS || c == 11 && extract == Extract.EMPLOYERS) {
            bytes = mutateBytes(bytes, random);
        }
        if (c == 8 && random.nextBoolean()) {
            bytes = randomBytes(extract, random).bytes(); // the whole file random (mostly: after a valid header)
        }
        return bytes;
    }

    /** Level 1's prediction for a file: counts, reject lines, and the keys left in the table. */
    private static Expected expect(Extract extract, Load load) {
        if (load.contractError() != null) {
            return new Expected(load, 0, 0, 0, 0, List.of(), Set.of());
        }
        List<String> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long loaded = 0;
        long rejected = 0;
        long warnings = 0;
        for (Row row : load.rows()) {
            CsvRecordReader.Record record = row.record();
            if (!row.loaded()) {
                rejected++;
                lines.add(rejectLine(record, row.issues().get(0)));
                continue;
            }
            if (!keys.add(key(extract, row))) {
                rejected++;
                lines.add(rejectLine(record, Issue.error("DUPLICATE_KEY", String.join("+", extract.key()), "")));
                continue;
            }
            loaded++;
            for (Issue issue : row.issues()) {
                warnings++;
                lines.add(rejectLine(record, issue));
            }
        }
        return new Expected(load, load.rows().size(), loaded, rejected, warnings, lines, keys);
    }

    /** A loaded row's key as the table shows it (dates yyyy-MM-dd, periods as month numbers). */
    private static String key(Extract extract, Row row) {
        return String.join("|", extract.key().stream().map(k -> String.valueOf(row.values()[extract.indexOf(k)])).toList());
    }

    /** A line of rejects/&lt;extract&gt;.csv as written: raw cut to its column size and guarded against formulas. */
    private static String rejectLine(CsvRecordReader.Record record, Issue issue) {
        String raw = new RejectLine(record.line(), issue, record.raw()).raw();
        if (!raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0) {
            raw = "'" + raw;
        }
        if (!raw.isEmpty() && Character.isHighSurrogate(raw.charAt(raw.length() - 1))) {
            raw = raw.substring(0, raw.length() - 1) + "?"; // cut in the middle of a character
        }
        return record.line() + " " + issue.severity() + " " + issue.reason() + " " + issue.column() + " " + raw;
    }

    private static void checkJob(Map<Extract, Expected> expected, Cli.Result result, String url, Path outDir) throws Exception {
        boolean contract = expected.values().stream().anyMatch(e -> e.load().contractError() != null);
        boolean broken = expected.values().stream().anyMatch(e ->
                BigDecimal.valueOf(e.rejected()).compareTo(BigDecimal.valueOf(e.read()).multiply(new BigDecimal("0.05"))) > 0);
        int exit = contract ? 2 : broken ? 4 : 0;
        assertEquals(exit, result.exitCode(), "exit code");
        JdbcTemplate db = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
        if (exit == 2) {
            for (Extract extract : Extract.values()) {
                Long tables = db.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = ?",
                        Long.class, extract.table());
                if (tables != null && tables > 0) {
                    assertEquals(0L, db.queryForObject("SELECT COUNT(*) FROM " + extract.table(), Long.class), "exit 2 but rows loaded");
                }
            }
            return;
        }
        JsonNode summary = new ObjectMapper().readTree(outDir.resolve("summary.json").toFile());
        Map<String, JsonNode> byFile = new HashMap<>();
        summary.get("extracts").forEach(e -> byFile.put(e.get("file").asText(), e));
        for (Extract extract : Extract.values()) {
            Expected e = expected.get(extract);
            String table = extract.table();
            long inTable = db.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            if (e == null) {
                assertEquals(0, inTable, table + ": rows loaded from an absent file");
                continue;
            }
            String file = extract.fileName();
            List<String> rejects = rejectsFile(outDir.resolve("rejects").resolve(extract.extractName() + ".csv"));
            assertEquals(e.rejectLines(), rejects, file + ": rejects file");
            JsonNode s = byFile.get(file);
            assertEquals(e.read(), s.get("rows_read").asLong(), file + ": rows_read");
            assertEquals(e.loaded(), s.get("rows_loaded").asLong(), file + ": rows_loaded");
            assertEquals(e.rejected(), s.get("rows_rejected").asLong(), file + ": rows_rejected");
            assertEquals(e.warnings(), s.get("warnings").asLong(), file + ": warnings");
            long errorLines = rejects.stream().filter(l -> l.split(" ", 3)[1].equals("ERROR")).count();
            assertEquals(e.read(), s.get("rows_loaded").asLong() + errorLines, file + ": rows read = loaded + ERROR lines");
            if (exit == 4) {
                assertEquals(0, inTable, table + ": exit 4 but rows loaded");
                continue;
            }
            assertEquals(e.loaded(), inTable, table + ": rows in the table");
            String keySql = "SELECT " + String.join(" || '|' || ", extract.dbKey().stream().map(k -> "CAST(" + k + " AS VARCHAR)").toList())
                    + " FROM " + table;
            assertEquals(e.keys(), new HashSet<>(db.queryForList(keySql, String.class)), table + ": keys in the table");
        }
        assertEquals(exit == 4 ? "EXTRACT_REJECTED" : "COMPLETED", summary.get("outcome").asText(), "outcome");
    }

    private static List<String> rejectsFile(Path file) throws IOException {
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(Files.newInputStream(file), UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            List<String[]> rows = reader.readAll();
            List<String> lines = new ArrayList<>();
            for (String[] r : rows.subList(1, rows.size())) {
                lines.add(r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[5]);
            }
            return lines;
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }
}
