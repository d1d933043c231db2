package org.fundguard.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fundguard.run.ContractException;

/**
 * The header of an extract file matched against the contract: names case-insensitive and
 * trimmed, order free, unknown columns kept as a warning, a missing required column a contract
 * error (exit 2, before anything is loaded).
 */
public record ExtractHeader(Extract extract, int[] fieldOfColumn, int fieldCount, List<String> unknownColumns) {

    public static ExtractHeader read(Extract extract, Path file, Charset charset) {
        try (InputStream in = Files.newInputStream(file); CsvRecordReader reader = new CsvRecordReader(in, charset)) {
            return of(extract, file, reader.next());
        } catch (IOException e) {
            throw new ContractException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Matches the first record of a file (null for an empty file). */
    public static ExtractHeader of(Extract extract, Path file, CsvRecordReader.Record header) {
        if (header == null) {
            throw new ContractException(file + ": the file is empty (no header line)");
        }
        if (header.broken()) {
            throw new ContractException(file + " line " + header.line() + ": the header is not valid CSV (" + header.error() + ")");
        }
        List<String> names = header.fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        int[] fieldOfColumn = new int[extract.columns().size()];
        Arrays.fill(fieldOfColumn, -1);
        List<String> unknown = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            String name = names.get(f);
            int column = indexOf(extract, name);
            if (column < 0) {
                unknown.add(header.fields().get(f).strip());
            } else if (fieldOfColumn[column] >= 0) {
                throw new ContractException(file + " line 1: column " + name + " appears twice in the header");
            } else {
                fieldOfColumn[column] = f;
            }
        }
        for (int c = 0; c < fieldOfColumn.length; c++) {
            ColumnSpec spec = extract.columns().get(c);
            if (spec.required() && fieldOfColumn[c] < 0) {
                throw new ContractException(file + " line 1: required column " + spec.name() + " is missing");
            }
        }
        return new ExtractHeader(extract, fieldOfColumn, names.size(), List.copyOf(unknown));
    }

    private static int indexOf(Extract extract, String name) {
        List<ColumnSpec> columns = extract.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
