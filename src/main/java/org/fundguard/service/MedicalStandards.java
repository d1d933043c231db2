package org.fundguard.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundguard.extract.Months;
import org.fundguard.run.ContractException;

/**
 * The local monthly medical-insurance proxy-payment standards (当地代缴标准) of SVC-07 (rules.md):
 * a CSV table {@code city,from_month,to_month,amount}, by default {@code jobs/medical-standards.csv},
 * otherwise {@code --medical-standards FILE}.
 *
 * <ul>
 *   <li>UTF-8 (a byte-order mark is allowed); the first data line is the header, column names
 *       matched case-insensitively, in any order; further columns (e.g. a note) are ignored;</li>
 *   <li>lines whose first non-blank character is {@code #} are comments, blank lines are skipped;</li>
 *   <li>{@code city}: 4-digit prefix + {@code 00} (e.g. {@code 210100}); {@code from_month},
 *       {@code to_month}: {@code yyyy-MM} (or {@code yyyyMM}), inclusive, {@code to_month} empty =
 *       open-ended; {@code amount}: yuan, up to 12 digits and 2 decimals;</li>
 *   <li>the ranges of one city must not overlap (which standard would apply would be a guess).</li>
 * </ul>
 * Any problem is a {@link ContractException} naming the file and line. A comment containing the word
 * {@code PLACEHOLDER} marks the figures as not yet confirmed by the province; the run summary then
 * warns that refunds were computed with placeholder figures.
 */
final class MedicalStandards {

    static final String PLACEHOLDER_MARK = "PLACEHOLDER";

    private static final Pattern CITY = Pattern.compile("^[0-9]{4}00$");
    private static final Pattern MONTH = Pattern.compile("^([0-9]{4})-?([0-9]{2})$");
    private static final Pattern AMOUNT = Pattern.compile("^[0-9]{1,12}(\\.[0-9]{1,2})?$");

    /** One standard: months as {@link Months} numbers, {@code to} = MAX_VALUE when open-ended. */
    record Standard(String city, int from, int to, BigDecimal amount, int line) {
    }

    private final Map<String, List<Standard>> byCity;
    private final boolean placeholder;
    private final int rows;

    private MedicalStandards(Map<String, List<Standard>> byCity, boolean placeholder, int rows) {
        this.byCity = byCity;
        this.placeholder = placeholder;
        this.rows = rows;
    }

    static MedicalStandards read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ContractException("medical standards file " + file + " does not exist (SVC-07 needs it; give one with"
                    + " --medical-standards FILE or install jobs/medical-standards.csv)");
        } catch (IOException e) {
            throw new ContractException("cannot read medical standards file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    static MedicalStandards parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean placeholder = false;
        int[] columns = null; // indexes of city, from_month, to_month, amount
        Map<String, List<Standard>> byCity = new TreeMap<>();
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                placeholder |= line.contains(PLACEHOLDER_MARK);
                continue;
            }
            List<String> fields = fields(line);
            if (columns == null) {
                columns = header(fields, source, lineNo);
                continue;
            }
            String city = field(fields, columns[0]);
            String from = field(fields, columns[1]);
            String to = field(fields, columns[2]);
            String amount = field(fields, columns[3]);
            if (!CITY.matcher(city).matches()) {
                throw bad(source, lineNo, "city '" + city + "' is not a city code (4-digit prefix + 00, e.g. 210100)");
            }
            int fromMonth = month(from, "from_month", source, lineNo);
            int toMonth = to.isEmpty() ? Integer.MAX_VALUE : month(to, "to_month", source, lineNo);
            if (toMonth < fromMonth) {
                throw bad(source, lineNo, "to_month " + to + " is before from_month " + from);
            }
            if (!AMOUNT.matcher(amount).matches()) {
                throw bad(source, lineNo, "amount '" + amount + "' is not an amount in yuan (digits, at most 2 decimals)");
            }
            byCity.computeIfAbsent(city, c -> new ArrayList<>())
                    .add(new Standard(city, fromMonth, toMonth, new BigDecimal(amount), lineNo));
            rows++;
        }
        if (columns == null) {
            throw new ContractException("medical standards file " + source + " has no header line city,from_month,to_month,amount");
        }
        for (List<Standard> list : byCity.values()) {
            list.sort(Comparator.comparingInt(Standard::from));
            for (int k = 1; k < list.size(); k++) {
                Standard a = list.get(k - 1);
                Standard b = list.get(k);
                if (b.from() <= a.to()) {
                    throw bad(source, b.line(), "the range of city " + b.city() + " overlaps the one on line " + a.line()
                            + "; a month must have one standard");
                }
            }
        }
        return new MedicalStandards(byCity, placeholder, rows);
    }

    /** The standard of {@code city} for month {@code month} ({@link Months} number), if any. */
    Optional<BigDecimal> standard(String city, int month) {
        List<Standard> list = byCity.get(city);
        if (list != null) {
            for (Standard s : list) {
                if (s.from() <= month && month <= s.to()) {
                    return Optional.of(s.amount());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a comment marks the figures as placeholders. */
    boolean placeholder() {
        return placeholder;
    }

    int rows() {
        return rows;
    }

    int cities() {
        return byCity.size();
    }

    private static int[] header(List<String> fields, String source, int lineNo) {
        List<String> names = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        int[] columns = new int[4];
        String[] required = {"city", "from_month", "to_month", "amount"};
        for (int c = 0; c < required.length; c++) {
            columns[c] = names.indexOf(required[c]);
            if (columns[c] < 0) {
                throw bad(source, lineNo, "the header has no column " + required[c]
                        + " (expected city,from_month,to_month,amount)");
            }
        }
        return columns;
    }

    private static int month(String value, String column, String source, int lineNo) {
        Matcher m = MONTH.matcher(value);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return Months.of(YearMonth.of(Integer.parseInt(m.group(1)), month).getYear(), month);
            }
        }
        throw bad(source, lineNo, column + " '" + value + "' is not a month yyyy-MM");
    }

    /** Comma-separated fields, trimmed, surrounding double quotes removed (the values hold no commas). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            String v = f.strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).replace("\"\"", "\"").strip();
            }
            out.add(v);
        }
        return out;
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private static ContractException bad(String source, int line, String message) {
        return new ContractException("medical standards file " + source + ", line " + line + ": " + message);
    }
}
