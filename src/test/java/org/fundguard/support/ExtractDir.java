package org.fundguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.extract.ColumnSpec;
import org.fundguard.extract.Extract;

/**
 * Writes an extract folder for a test: rows are given as column=value overrides of a valid
 * default row, in the contract's column order, so each test states only what matters to it.
 */
public final class ExtractDir {

    private final Path dir;
    private final Map<Extract, List<String>> lines = new HashMap<>();

    public ExtractDir(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return dir;
    }

    /** Defaults that make a valid row of each extract. */
    public static Map<String, String> defaults(Extract extract) {
        Map<String, String> d = new HashMap<>();
        switch (extract) {
            case EMPLOYERS -> {
                d.put("employer_id", Ids.employer(1));
                d.put("employer_name", "沈阳测试机械制造有限公司");
                d.put("region_code", "210102");
                d.put("enrolled_on", "2020-01-01");
            }
            case CONTRIBUTIONS -> {
                d.put("person_id", Ids.person(1));
                d.put("employer_id", Ids.employer(1));
                d.put("period", "2026-01");
                d.put("region_code", "210102");
                d.put("wage_base", "5000.00");
                d.put("amount", "100.00");
            }
            case CLAIMS -> {
                d.put("claim_id", "C1");
                d.put("person_id", Ids.person(1));
                d.put("person_name", "张三");
                d.put("region_code", "210102");
                d.put("last_employer_id", Ids.employer(1));
                d.put("separation_date", "2026-09-30");
                d.put("separation_reason", "CONTRACT_EXPIRED");
                d.put("application_date", "2026-11-03");
                d.put("status", "RECEIVED");
            }
            case SUBSIDIES -> {
                d.put("application_id", "S1");
                d.put("person_id", Ids.person(1));
                d.put("applicant_type", "EMPLOYEE");
                d.put("employer_id", Ids.employer(1));
                d.put("region_code", "210102");
                d.put("certificate_no", "CERT0001");
                d.put("certificate_type", "SKILL_LEVEL");
                d.put("occupation_code", "6-29-01-01");
                d.put("level", "4");
                d.put("issue_date", "2026-03-01");
                d.put("issuing_org_id", "ORG001");
                d.put("amount", "1500.00");
                d.put("application_date", "2026-04-01");
                d.put("status", "RECEIVED");
            }
            case CERTIFICATES -> {
                d.put("certificate_no", "CERT0001");
                d.put("person_id", Ids.person(1));
                d.put("certificate_type", "SKILL_LEVEL");
                d.put("occupation_code", "6-29-01-01");
                d.put("level", "4");
                d.put("issue_date", "2026-03-01");
                d.put("issuing_org_id", "ORG001");
                d.put("issuing_region_code", "210100");
                d.put("status", "VALID");
            }
            case REGISTRATIONS -> {
                d.put("person_id", Ids.person(1));
                d.put("region_code", "210102");
                d.put("registered_on", "2026-11-01");
            }
            case MEDICAL -> {
                d.put("person_id", Ids.person(1));
                d.put("period", "2026-05");
                d.put("payer", "AGENCY");
                d.put("amount", "300.00");
                d.put("region_code", "210102");
            }
        }
        return d;
    }

    /** A valid row with {@code column, value} overrides, CSV-quoted where needed. */
    public ExtractDir row(Extract extract, String... overrides) {
        Map<String, String> values = defaults(extract);
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        List<String> cells = new ArrayList<>();
        for (ColumnSpec column : extract.columns()) {
            cells.add(quote(values.getOrDefault(column.name(), "")));
        }
        return line(extract, String.join(",", cells));
    }

    /** A raw line (or several physical lines) as it should appear in the file. */
    public ExtractDir line(Extract extract, String raw) {
        lines.computeIfAbsent(extract, e -> new ArrayList<>()).add(raw);
        return this;
    }

    /** The data lines given so far for {@code extract} (no header). */
    public List<String> lines(Extract extract) {
        return List.copyOf(lines.getOrDefault(extract, List.of()));
    }

    /** Makes sure the extract's file is written even with no rows. */
    public ExtractDir empty(Extract extract) {
        lines.computeIfAbsent(extract, e -> new ArrayList<>());
        return this;
    }

    public static String header(Extract extract) {
        return String.join(",", extract.columns().stream().map(ColumnSpec::name).toList());
    }

    public ExtractDir write() {
        return write(StandardCharsets.UTF_8, false);
    }

    /** Writes every extract that has rows (required ones always), header first, LF line ends. */
    public ExtractDir write(Charset charset, boolean bom) {
        for (Extract extract : Extract.values()) {
            if (!lines.containsKey(extract) && !extract.required()) {
                continue;
            }
            StringBuilder text = new StringBuilder(header(extract)).append('\n');
            for (String line : lines.getOrDefault(extract, List.of())) {
                text.append(line).append('\n');
            }
            writeFile(extract.fileName(), text.toString(), charset, bom);
        }
        return this;
    }

    public void writeFile(String name, String text, Charset charset, boolean bom) {
        try {
            byte[] body = text.getBytes(charset);
            byte[] out = body;
            if (bom) {
                out = new byte[body.length + 3];
                out[0] = (byte) 0xEF;
                out[1] = (byte) 0xBB;
                out[2] = (byte) 0xBF;
                System.arraycopy(body, 0, out, 3, body.length);
            }
            Files.write(dir.resolve(name), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
