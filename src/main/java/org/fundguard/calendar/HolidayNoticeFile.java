package org.fundguard.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.fundguard.run.ContractException;

/**
 * Parser of a holiday notice file ({@code calendar/official-holidays.csv} and extension files).
 *
 * <p>Format: UTF-8 (an optional byte-order mark is skipped), header {@code notice_year,date,kind,note},
 * one row per date; {@code kind} is {@code off} (法定节假日/休息) or {@code work} (调休上班日, must be a
 * Saturday or Sunday); {@code note} is free text (may be empty, may contain commas). Blank lines and
 * lines starting with {@code #} are ignored. A date listed twice in one file is an error.
 */
final class HolidayNoticeFile {

    static final String HEADER = "notice_year,date,kind,note";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** One row of a notice file. {@code source} is "file:line", used in error messages. */
    record Entry(int noticeYear, LocalDate date, boolean work, String note, String source) {
        String kind() {
            return work ? "work" : "off";
        }
    }

    private HolidayNoticeFile() {
    }

    /** Parses the file; any problem is a {@link ContractException} naming the file (and line). */
    static List<Entry> parse(InputStream in, String fileName) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(in, decoder); BufferedReader br = new BufferedReader(r)) {
            return parse(br, fileName);
        } catch (CharacterCodingException e) {
            throw new ContractException("holiday calendar file " + fileName + " is not valid UTF-8");
        } catch (IOException e) {
            throw new ContractException("cannot read holiday calendar file " + fileName + ": " + e.getMessage());
        }
    }

    private static List<Entry> parse(BufferedReader br, String fileName) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<LocalDate, Entry> byDate = new HashMap<>();
        boolean headerSeen = false;
        int lineNo = 0;
        String line;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = fileName + " line " + lineNo;
            if (!headerSeen) {
                if (!trimmed.replace(" ", "").equals(HEADER)) {
                    throw new ContractException("holiday calendar file " + where
                            + ": expected the header '" + HEADER + "' but found '" + trimmed + "'");
                }
                headerSeen = true;
                continue;
            }
            Entry e = parseRow(trimmed, where);
            Entry previous = byDate.putIfAbsent(e.date(), e);
            if (previous != null) {
                throw new ContractException("holiday calendar file " + where + ": date " + e.date()
                        + " is listed twice (as " + previous.kind() + " on " + previous.source()
                        + " and as " + e.kind() + ")");
            }
            entries.add(e);
        }
        if (!headerSeen) {
            throw new ContractException("holiday calendar file " + fileName
                    + " is empty: expected the header '" + HEADER + "'");
        }
        return entries;
    }

    private static Entry parseRow(String row, String where) {
        String[] f = row.split(",", 4);
        if (f.length < 3) {
            throw new ContractException("holiday calendar file " + where
                    + ": expected 4 columns " + HEADER + " but found '" + row + "'");
        }
        String yearText = f[0].strip();
        String dateText = f[1].strip();
        String kindText = f[2].strip();
        String note = f.length == 4 ? unquote(f[3].strip()) : "";
        if (!YEAR.matcher(yearText).matches()) {
            throw new ContractException("holiday calendar file " + where
                    + ": notice_year '" + yearText + "' is not a year");
        }
        int noticeYear = Integer.parseInt(yearText);
        LocalDate date;
        try {
            if (!ISO_DATE.matcher(dateText).matches()) {
                throw new DateTimeException(dateText);
            }
            date = LocalDate.parse(dateText);
        } catch (DateTimeException ex) {
            throw new ContractException("holiday calendar file " + where
                    + ": date '" + dateText + "' is not a yyyy-MM-dd date");
        }
        boolean work;
        switch (kindText) {
            case "off" -> work = false;
            case "work" -> work = true;
            default -> throw new ContractException("holiday calendar file " + where
                    + ": kind '" + kindText + "' must be 'off' or 'work'");
        }
        if (Math.abs(date.getYear() - noticeYear) > 1) {
            throw new ContractException("holiday calendar file " + where
                    + ": date " + date + " is too far from its notice year " + noticeYear);
        }
        if (work) {
            DayOfWeek dow = date.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new ContractException("holiday calendar file " + where
                        + ": adjusted working day " + date + " is a " + dow
                        + ", but an adjusted working day (调休上班日) must be a Saturday or Sunday");
            }
        }
        return new Entry(noticeYear, date, work, note, where);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
