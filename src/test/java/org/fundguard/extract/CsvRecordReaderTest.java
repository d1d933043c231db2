package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV conventions and the broken-structure rules of extracts.md. */
class CsvRecordReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static List<CsvRecordReader.Record> read(byte[] bytes, Charset charset) throws IOException {
        List<CsvRecordReader.Record> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), charset)) {
            CsvRecordReader.Record record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
            assertNull(reader.next(), "stays at end of file");
        }
        return records;
    }

    private static List<CsvRecordReader.Record> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static List<Long> lines(List<CsvRecordReader.Record> records) {
        return records.stream().map(CsvRecordReader.Record::line).toList();
    }

    private static void assertFields(CsvRecordReader.Record record, String... fields) {
        assertFalse(record.broken(), () -> "line " + record.line() + " broken: " + record.error());
        assertEquals(List.of(fields), record.fields(), "line " + record.line());
    }

    private static void assertBroken(CsvRecordReader.Record record, long line) {
        assertEquals(line, record.line());
        assertTrue(record.broken(), "line " + line + " should be broken: " + record.fields());
        assertNull(record.fields());
        assertNotNull(record.error());
    }

    @Test
    void simpleLfFile() throws IOException {
        var records = read("a,b,c\n1,2,3\n4,5,6\n");
        assertEquals(List.of(1L, 2L, 3L), lines(records));
        assertFields(records.get(0), "a", "b", "c");
        assertFields(records.get(1), "1", "2", "3");
        assertFields(records.get(2), "4", "5", "6");
    }

    @Test
    void crlfFileAndNoFinalLineBreak() throws IOException {
        var records = read("a,b,c\r\n1,2,3\r\n4,5,6");
        assertEquals(List.of(1L, 2L, 3L), lines(records));
        assertFields(records.get(0), "a", "b", "c");
        assertFields(records.get(1), "1", "2", "3");
        assertFields(records.get(2), "4", "5", "6");
    }

    @Test
    void emptyFieldsAreKept() throws IOException {
        var records = read(",,\na,\n,b\n\"\",x\n");
        assertFields(records.get(0), "", "", "");
        assertFields(records.get(1), "a", "");
        assertFields(records.get(2), "", "b");
        assertFields(records.get(3), "", "x");
    }

    @Test
    void fieldsAreNotTrimmedByTheReader() throws IOException {
        // values are trimmed by the validator; the reader keeps the field text
        assertFields(read(" a , b \n").get(0), " a ", " b ");
    }

    @Test
    void quotedCommas() throws IOException {
        var records = read("1,\"沈阳市,和平区\",3\n");
        assertFields(records.get(0), "1", "沈阳市,和平区", "3");
    }

    @Test
    void doubledQuotes() throws IOException {
        var records = read("\"he said \"\"hi\"\"\",x\n\"\"\"\",\"\"\"\"\"\"\n\"a\"\"\",b\n");
        assertFields(records.get(0), "he said \"hi\"", "x");
        assertFields(records.get(1), "\"", "\"\"");
        assertFields(records.get(2), "a\"", "b");
    }

    @Test
    void quotedLineBreaksKeepPhysicalLineNumbers() throws IOException {
        var records = read("h1,h2,h3\n1,\"first\nsecond\nthird\",3\n4,5,6\n7,\"x\ny\",9\n10,11,12\n");
        assertEquals(List.of(1L, 2L, 5L, 6L, 8L), lines(records));
        assertFields(records.get(1), "1", "first\nsecond\nthird", "3");
        assertFields(records.get(2), "4", "5", "6");
        assertFields(records.get(3), "7", "x\ny", "9");
        assertFields(records.get(4), "10", "11", "12");
    }

    @Test
    void quotedLineBreaksInACrlfFile() throws IOException {
        var records = read("h1,h2\r\n1,\"a\r\nb\"\r\n2,c\r\n");
        assertEquals(List.of(1L, 2L, 4L), lines(records));
        assertEquals("1", records.get(1).fields().get(0));
        assertEquals("a\nb", records.get(1).fields().get(1).replace("\r", ""));
        assertFields(records.get(2), "2", "c");
    }

    @Test
    void blankLinesAreSkippedButCountedAsPhysicalLines() throws IOException {
        var records = read("h1,h2\n\n1,2\n   \n\n3,4\n\n");
        assertEquals(List.of(1L, 3L, 6L), lines(records));
        assertFields(records.get(1), "1", "2");
        assertFields(records.get(2), "3", "4");
    }

    @Test
    void blankLinesInACrlfFile() throws IOException {
        var records = read("h1,h2\r\n\r\n1,2\r\n\r\n");
        assertEquals(List.of(1L, 3L), lines(records));
    }

    @Test
    void blankLinesInsideAQuotedFieldArePartOfTheField() throws IOException {
        var records = read("h\n\"a\n\nb\"\nc\n");
        assertEquals(List.of(1L, 2L, 5L), lines(records));
        assertFields(records.get(1), "a\n\nb");
        assertFields(records.get(2), "c");
    }

    @Test
    void emptyAndBlankFilesHaveNoRecords() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\n  \r\n"));
        assertEquals(List.of(), read("\uFEFF"));
    }

    @Test
    void byteOrderMarkIsStripped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "employer_id,employer_name\n1,2\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(bom, 0, 3);
        bytes.write(rest, 0, rest.length);
        var records = read(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertFields(records.get(0), "employer_id", "employer_name");
        assertFalse(records.get(0).undecodable());
        assertEquals("employer_id,employer_name", records.get(0).raw());
        assertFields(records.get(1), "1", "2");
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeader() throws IOException {
        var records = read("\uFEFF\"a\",\"b\"\n1,2\n");
        assertFields(records.get(0), "a", "b");
    }

    @Test
    void quoteInsideAnUnquotedFieldBreaksOnlyThatLine() throws IOException {
        var records = read("h1,h2,h3\n1,ab\"c,3\n4,5,6\n");
        assertEquals(3, records.size());
        assertBroken(records.get(1), 2);
        assertEquals("1,ab\"c,3", records.get(1).raw());
        assertEquals(3L, records.get(2).line());
        assertFields(records.get(2), "4", "5", "6");
    }

    @Test
    void quoteAtTheEndOfAnUnquotedField() throws IOException {
        var records = read("abc\",1\nx,y\n");
        assertBroken(records.get(0), 1);
        assertFields(records.get(1), "x", "y");
    }

    @Test
    void textAfterAClosingQuoteIsBroken() throws IOException {
        var records = read("\"ab\"c,1\n\"ab\" ,1\nx,\"y\"z\nok,1\n");
        assertEquals(4, records.size());
        assertBroken(records.get(0), 1);
        assertBroken(records.get(1), 2);
        assertBroken(records.get(2), 3);
        assertFields(records.get(3), "ok", "1");
    }

    @Test
    void unbalancedQuoteDoesNotSwallowTheFollowingLines() throws IOException {
        StringBuilder csv = new StringBuilder("h1,h2,h3\n2,b,c\n3,\"never closed,c\n");
        for (int n = 4; n <= 10; n++) {
            csv.append(n).append(",b").append(n).append(",c").append(n).append('\n');
        }
        var records = read(csv.toString());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), lines(records));
        assertBroken(records.get(2), 3);
        assertEquals("3,\"never closed,c", records.get(2).raw());
        for (int n = 4; n <= 10; n++) {
            assertFields(records.get(n - 1), Integer.toString(n), "b" + n, "c" + n);
            assertEquals(n + ",b" + n + ",c" + n, records.get(n - 1).raw());
        }
    }

    @Test
    void unbalancedQuoteNearTheEndOfFile() throws IOException {
        var records = read("h1,h2\n1,\"open\n2,x\n3,y\n");
        assertEquals(List.of(1L, 2L, 3L, 4L), lines(records));
        assertBroken(records.get(1), 2);
        assertFields(records.get(2), "2", "x");
        assertFields(records.get(3), "3", "y");
    }

    @Test
    void openQuoteOnTheLastLineIsBroken() throws IOException {
        var records = read("h1,h2\n1,2\n3,\"open");
        assertEquals(3, records.size());
        assertFields(records.get(1), "1", "2");
        assertBroken(records.get(2), 3);
        assertEquals("3,\"open", records.get(2).raw());
    }

    @Test
    void quotedFieldSpanningExactlyFivePhysicalLinesIsAccepted() throws IOException {
        var records = read("h1,h2,h3\n1,\"l1\nl2\nl3\nl4\nl5\",x\nnext,1,2\n");
        assertEquals(List.of(1L, 2L, 7L), lines(records));
        assertFields(records.get(1), "1", "l1\nl2\nl3\nl4\nl5", "x");
        assertEquals("1,\"l1\nl2\nl3\nl4\nl5\",x", records.get(1).raw());
        assertFields(records.get(2), "next", "1", "2");
    }

    @Test
    void quotedFieldStillOpenAfterFivePhysicalLinesIsBroken() throws IOException {
        var records = read("h1,h2,h3\n1,\"l1\nl2\nl3\nl4\nl5\nl6\",x\nnext,1,2\n");
        // line 2 is broken; reading resumes on line 3, so each following line is its own record
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), lines(records));
        assertBroken(records.get(1), 2);
        assertEquals("1,\"l1", records.get(1).raw());
        assertFields(records.get(2), "l2");
        assertFields(records.get(5), "l5");
        assertBroken(records.get(6), 7); // l6",x: a quote inside an unquoted field
        assertFields(records.get(7), "next", "1", "2");
    }

    @Test
    void fivePhysicalLinesIncludeBlankLinesInsideTheField() throws IOException {
        var accepted = read("\"a\n\n\n\nb\"\nz\n");
        assertEquals(List.of(1L, 6L), lines(accepted));
        assertFields(accepted.get(0), "a\n\n\n\nb");
        var broken = read("\"a\n\n\n\n\nb\"\nz\n");
        assertBroken(broken.get(0), 1);
        // the blank lines are skipped when reading resumes
        assertEquals(List.of(1L, 6L, 7L), lines(broken));
        assertBroken(broken.get(1), 6); // b" : quote inside an unquoted field
        assertFields(broken.get(2), "z");
    }

    @Test
    void brokenStructureOnAContinuationLineBreaksTheRecordAtItsFirstLine() throws IOException {
        // the quote opened on line 2 is closed on line 3, followed by text: broken at line 2, resume on line 3
        var records = read("h1,h2\n1,\"abc\ndef\"x,2\n3,4\n");
        assertEquals(List.of(1L, 2L, 3L, 4L), lines(records));
        assertBroken(records.get(1), 2);
        assertEquals("1,\"abc", records.get(1).raw());
        assertBroken(records.get(2), 3); // def"x,2 on its own is broken too
        assertFields(records.get(3), "3", "4");
    }

    @Test
    void rawTextOfARecord() throws IOException {
        var records = read("h1,h2\r\n  1 ,\"a,\"\"b\"\"\"\r\n2,\"x\ny\"\n");
        assertEquals("h1,h2", records.get(0).raw());
        assertEquals("  1 ,\"a,\"\"b\"\"\"", records.get(1).raw());
        assertEquals("2,\"x\ny\"", records.get(2).raw());
    }

    @Test
    void gb18030Decoding() throws IOException {
        String text = "person_name,region_name\n张三,沈阳市和平区\n\"李四,王五\",𠮷野家\n";
        var records = read(text.getBytes(GB18030), GB18030);
        assertEquals(3, records.size());
        assertFields(records.get(1), "张三", "沈阳市和平区");
        assertFields(records.get(2), "李四,王五", "𠮷野家");
        assertFalse(records.get(1).undecodable());
        assertFalse(records.get(2).undecodable());
    }

    @Test
    void gb18030BytesReadAsUtf8AreUndecodable() throws IOException {
        var records = read("h1,h2\n张三,沈阳\n".getBytes(GB18030), StandardCharsets.UTF_8);
        assertFalse(records.get(0).undecodable());
        assertTrue(records.get(1).undecodable());
    }

    @Test
    void undecodableBytesAreFlagged() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("h1,h2,h3\n1,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.writeBytes(",3\n4,\"a\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a lone lead byte on the continuation line of a quoted field
        bytes.writeBytes("\",6\n7,张三,9\n".getBytes(StandardCharsets.UTF_8));
        var records = read(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(List.of(1L, 2L, 3L, 5L), lines(records));
        assertFalse(records.get(0).undecodable());
        assertTrue(records.get(1).undecodable());
        assertEquals(3, records.get(1).fields().size(), "the row is still split into fields");
        assertTrue(records.get(2).undecodable());
        assertFalse(records.get(3).undecodable());
        assertFields(records.get(3), "7", "张三", "9");
    }

    @Test
    void brokenRecordWithUndecodableBytesIsFlagged() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("1,a\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("\n2,b\n".getBytes(StandardCharsets.UTF_8));
        var records = read(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertBroken(records.get(0), 1);
        assertTrue(records.get(0).undecodable());
        assertFalse(records.get(1).undecodable());
    }

    @Test
    void manyRecordsAreReadQuickly() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"x,").append(i).append("\",张三\n");
        }
        var records = read(csv.toString());
        assertEquals(50_001, records.size());
        assertEquals(50_001L, records.get(50_000).line());
        assertFields(records.get(50_000), "49999", "x,49999", "张三");
    }
    /**
     * Nothing is lost: on random input made of quotes, commas, blank lines and text, every non-blank
     * physical line belongs to exactly one record (a broken record is its first line only, an accepted
     * record spans the lines of its raw text), records come in line order, and a record's raw text is
     * its physical lines.
     */
    @Test
    void everyNonBlankPhysicalLineEndsInExactlyOneRecord() throws IOException {
        java.util.Random random = new java.util.Random(4180);
        String[] pieces = {"\"", "\"\"", ",", "a", "张", " ", "\n", "\n", "\n\n", "x,\"y\"", "\"q,\n"};
        for (int round = 0; round < 400; round++) {
            StringBuilder csv = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                csv.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = csv.toString();
            String[] physical = text.split("\n", -1);
            int physicalCount = text.endsWith("\n") ? physical.length - 1 : physical.length;
            var records = read(text);
            boolean[] covered = new boolean[physicalCount + 1];
            long previous = 0;
            for (CsvRecordReader.Record record : records) {
                assertTrue(record.line() > previous, text);
                int span = record.broken() ? 1 : record.raw().split("\n", -1).length;
                StringBuilder raw = new StringBuilder();
                for (int l = (int) record.line(); l < record.line() + span; l++) {
                    assertFalse(covered[l], () -> "line covered twice in " + text);
                    covered[l] = true;
                    raw.append(l == record.line() ? "" : "\n").append(physical[l - 1]);
                }
                assertEquals(raw.toString(), record.raw(), text);
                assertFalse(record.fields() == null && !record.broken());
                previous = record.line() + span - 1;
            }
            for (int l = 1; l <= physicalCount; l++) {
                if (!covered[l]) {
                    assertTrue(physical[l - 1].isBlank(), "line " + l + " lost in " + text);
                }
            }
        }
    }
}
