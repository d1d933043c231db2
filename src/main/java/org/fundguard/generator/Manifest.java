package org.fundguard.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generator planted: bad rows (file, line, expected severity, reason code and column) and
 * rule cases (rule, whether it must fire, the entity). Written with {@code --manifest FILE}
 * (CSV, or a Markdown table when the name ends in {@code .md}).
 */
final class Manifest {

    /** A planted bad or unusual row. Severity OK means: valid, must be loaded without any reject line. */
    record BadRow(String file, long line, int lines, String severity, String reason, String column, String note) {
    }

    /** A planted rule case. Expect is FIRE or NO_FIRE; entity says what {@code id} is. */
    record RuleCase(String rule, String expect, String entity, String id, String note) {
    }

    final List<BadRow> badRows = new ArrayList<>();
    final List<RuleCase> ruleCases = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void bad(Extract e, long line, String text, String severity, String reason, String column, String note) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        badRows.add(new BadRow(e.file, line, lines, severity, reason, column, note));
    }

    void rule(String rule, boolean fire, String entity, String id, String note) {
        ruleCases.add(new RuleCase(rule, fire ? "FIRE" : "NO_FIRE", entity, id, note));
    }

    void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        if (file.getFileName().toString().endsWith(".md")) {
            b.append("### Planted bad and unusual rows\n\n");
            b.append("| file | line | severity | reason | column | what |\n| --- | --- | --- | --- | --- | --- |\n");
            for (BadRow r : badRows) {
                b.append("| ").append(r.file()).append(" | ").append(r.line())
                        .append(r.lines() > 1 ? "–" + (r.line() + r.lines() - 1) : "").append(" | ")
                        .append(r.severity()).append(" | ").append(md(r.reason())).append(" | ")
                        .append(md(r.column())).append(" | ").append(md(r.note())).append(" |\n");
            }
            b.append("\n### Planted rule cases\n\n");
            b.append("| rule | expect | entity | id | case |\n| --- | --- | --- | --- | --- |\n");
            for (RuleCase r : ruleCases) {
                b.append("| ").append(r.rule()).append(" | ").append(r.expect()).append(" | ").append(r.entity())
                        .append(" | `").append(r.id()).append("` | ").append(md(r.note())).append(" |\n");
            }
            if (!notes.isEmpty()) {
                b.append("\n");
                for (String n : notes) {
                    b.append("- ").append(md(n)).append('\n');
                }
            }
        } else {
            b.append("kind,file_or_rule,line_or_expect,lines_or_entity,severity_or_id,reason,column,note\n");
            for (BadRow r : badRows) {
                b.append("BAD_ROW,").append(r.file()).append(',').append(r.line()).append(',').append(r.lines())
                        .append(',').append(r.severity()).append(',').append(csv(r.reason())).append(',')
                        .append(csv(r.column())).append(',').append(csv(r.note())).append('\n');
            }
            for (RuleCase r : ruleCases) {
                b.append("RULE,").append(r.rule()).append(',').append(r.expect()).append(',').append(r.entity())
                        .append(',').append(csv(r.id())).append(",,,").append(csv(r.note())).append('\n');
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
