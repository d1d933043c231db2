package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Header matching of extracts.md ("CSV conventions"). */
class ExtractHeaderTest {

    @TempDir
    Path dir;

    private static ExtractHeader header(Extract extract, String headerLine) throws IOException {
        byte[] bytes = (headerLine + "\n").getBytes(StandardCharsets.UTF_8);
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return ExtractHeader.of(extract, Path.of("extracts", extract.fileName()), reader.next());
        }
    }

    private static String contractHeader(Extract extract) {
        return extract.columns().stream().map(ColumnSpec::name).collect(Collectors.joining(","));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Extract.class)
    void contractHeaderMapsEachColumnToItsField(Extract extract) throws IOException {
        ExtractHeader header = header(extract, contractHeader(extract));
        int n = extract.columns().size();
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, header.fieldOfColumn());
        assertEquals(n, header.fieldCount());
        assertEquals(List.of(), header.unknownColumns());
        assertEquals(extract, header.extract());
    }

    @Test
    void namesAreCaseInsensitiveAndTrimmed() throws IOException {
        ExtractHeader header = header(Extract.EMPLOYERS, " Employer_ID ,EMPLOYER_NAME,\tRegion_Code,  enrolled_on");
        assertArrayEquals(new int[] {0, 1, 2, 3}, header.fieldOfColumn());
        assertEquals(List.of(), header.unknownColumns());
    }

    @Test
    void quotedNamesAreMatched() throws IOException {
        ExtractHeader header = header(Extract.REGISTRATIONS, "\"person_id\",\"region_code\",\" registered_on \",\"ended_on\"");
        assertArrayEquals(new int[] {0, 1, 2, 3}, header.fieldOfColumn());
    }

    @Test
    void orderIsFree() throws IOException {
        ExtractHeader header = header(Extract.MEDICAL, "region_code,amount,payer,period,person_id");
        // contract order: person_id, period, payer, amount, region_code
        assertArrayEquals(new int[] {4, 3, 2, 1, 0}, header.fieldOfColumn());
        assertEquals(5, header.fieldCount());
    }

    @Test
    void unknownColumnsAreListedAndSkipped() throws IOException {
        ExtractHeader header = header(Extract.EMPLOYERS, "备注, employer_id ,Legal_Rep,employer_name,region_code,enrolled_on,extra ");
        assertEquals(List.of("备注", "Legal_Rep", "extra"), header.unknownColumns());
        assertArrayEquals(new int[] {1, 3, 4, 5}, header.fieldOfColumn());
        assertEquals(7, header.fieldCount());
    }

    @Test
    void absentOptionalColumnsAreMinusOne() throws IOException {
        ExtractHeader header = header(Extract.CLAIMS, "claim_id,person_id,person_name,region_code,last_employer_id,"
                + "separation_date,separation_reason,application_date,status,phone");
        int[] fields = header.fieldOfColumn();
        for (int i = 0; i < Extract.CLAIMS.columns().size(); i++) {
            String name = Extract.CLAIMS.columns().get(i).name();
            int expected = switch (name) {
                case "phone" -> 9;
                default -> Extract.CLAIMS.columns().get(i).required() ? i : -1;
            };
            assertEquals(expected, fields[i], name);
        }
        assertEquals(10, header.fieldCount());
    }

    static Stream<Arguments> requiredColumns() {
        return Arrays.stream(Extract.values()).flatMap(e -> e.columns().stream()
                .filter(ColumnSpec::required).map(c -> Arguments.of(e, c.name())));
    }

    @ParameterizedTest
    @MethodSource("requiredColumns")
    void missingRequiredColumnNamesFileAndColumn(Extract extract, String column) {
        String headerLine = extract.columns().stream().map(ColumnSpec::name).filter(n -> !n.equals(column))
                .collect(Collectors.joining(","));
        ContractException e = assertThrows(ContractException.class, () -> header(extract, headerLine));
        assertTrue(e.getMessage().contains(extract.fileName()), e.getMessage());
        assertTrue(e.getMessage().contains(column), e.getMessage());
    }

    @Test
    void missingOptionalColumnIsNoError() throws IOException {
        ExtractHeader header = header(Extract.REGISTRATIONS, "person_id,region_code,registered_on");
        assertArrayEquals(new int[] {0, 1, 2, -1}, header.fieldOfColumn());
    }

    @Test
    void duplicateColumnIsAContractError() {
        ContractException exact = assertThrows(ContractException.class,
                () -> header(Extract.EMPLOYERS, "employer_id,employer_name,region_code,employer_id"));
        assertTrue(exact.getMessage().contains("employers.csv"), exact.getMessage());
        assertTrue(exact.getMessage().contains("employer_id"), exact.getMessage());
        assertThrows(ContractException.class,
                () -> header(Extract.EMPLOYERS, "employer_id,employer_name,region_code, EMPLOYER_ID "));
        assertThrows(ContractException.class,
                () -> header(Extract.REGISTRATIONS, "person_id,region_code,registered_on,ended_on,Ended_On"));
    }

    @Test
    void emptyFileIsAContractError() throws IOException {
        Path empty = write("claims.csv", new byte[0]);
        ContractException e = assertThrows(ContractException.class,
                () -> ExtractHeader.read(Extract.CLAIMS, empty, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("claims.csv"), e.getMessage());

        Path blank = write("employers.csv", "\n\r\n  \n".getBytes(StandardCharsets.UTF_8));
        assertThrows(ContractException.class, () -> ExtractHeader.read(Extract.EMPLOYERS, blank, StandardCharsets.UTF_8));

        Path bomOnly = write("medical.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThrows(ContractException.class, () -> ExtractHeader.read(Extract.MEDICAL, bomOnly, StandardCharsets.UTF_8));

        assertThrows(ContractException.class,
                () -> ExtractHeader.of(Extract.MEDICAL, Path.of("medical.csv"), null));
    }

    @Test
    void unreadableFileIsAContractError() {
        ContractException e = assertThrows(ContractException.class,
                () -> ExtractHeader.read(Extract.CLAIMS, dir.resolve("claims.csv"), StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("claims.csv"), e.getMessage());
    }

    @Test
    void brokenHeaderIsAContractError() {
        ContractException e = assertThrows(ContractException.class,
                () -> header(Extract.EMPLOYERS, "employer_id,\"employer_name,region_code"));
        assertTrue(e.getMessage().contains("employers.csv"), e.getMessage());
        assertThrows(ContractException.class, () -> header(Extract.EMPLOYERS, "employer_id,employer\"_name,region_code"));
    }

    @Test
    void readsTheHeaderOfAFileWithByteOrderMark() throws IOException {
        byte[] body = "employer_id,employer_name,region_code\r\n91350100M000100Y43,某公司,350100\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        ExtractHeader header = ExtractHeader.read(Extract.EMPLOYERS, write("employers.csv", bytes), StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {0, 1, 2, -1}, header.fieldOfColumn());
        assertEquals(List.of(), header.unknownColumns());
        assertEquals(3, header.fieldCount());
    }

    @Test
    void readsAGb18030Header() throws IOException {
        Charset gb18030 = Charset.forName("GB18030");
        byte[] bytes = "person_id,period,payer,amount,region_code,缴费说明\n".getBytes(gb18030);
        ExtractHeader header = ExtractHeader.read(Extract.MEDICAL, write("medical.csv", bytes), gb18030);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, header.fieldOfColumn());
        assertEquals(List.of("缴费说明"), header.unknownColumns());
        assertEquals(6, header.fieldCount());
    }

    @Test
    void missingColumnMessageOfAFileOnDisk() throws IOException {
        Path file = write("contributions.csv", "person_id,employer_id,period,region_code,amount\n".getBytes(StandardCharsets.UTF_8));
        ContractException e = assertThrows(ContractException.class,
                () -> ExtractHeader.read(Extract.CONTRIBUTIONS, file, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wage_base"), e.getMessage());
    }
}
