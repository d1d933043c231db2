package org.fundguard.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates one record of an extract against extracts.md: per column in contract order, then
 * the cross-field rules. A rejected row yields exactly one ERROR (the first failing column in
 * contract order); a loaded row yields one WARN per nulled optional field.
 */
public final class RowValidator {

    /** Data of one validated record: the typed values in contract column order, or null if rejected. */
    public record Result(Object[] values, List<Issue> issues) {
        public boolean rejected() {
            return values == null;
        }
    }

    private record Candidate(int column, Issue issue) {
    }

    private final Extract extract;
    private final int[] fieldOfColumn;
    private final int fieldCount;
    private final LocalDate asOf;
    private final List<ColumnSpec> columns;

    /**
     * @param fieldOfColumn for each contract column, its index in the file's records, or -1 when
     *                      the (optional) column is absent from the header
     * @param fieldCount    the number of fields of the header
     */
    public RowValidator(Extract extract, int[] fieldOfColumn, int fieldCount, LocalDate asOf) {
        this.extract = extract;
        this.fieldOfColumn = fieldOfColumn;
        this.fieldCount = fieldCount;
        this.asOf = asOf;
        this.columns = extract.columns();
    }

    public Result validate(List<String> fields) {
        if (fields.size() != fieldCount) {
            return new Result(null, List.of(Issue.error("BAD_CSV", "",
                    "字段数为 " + fields.size() + "，表头为 " + fieldCount + " 个字段")));
        }
        Object[] values = new Object[columns.size()];
        String[] texts = new String[columns.size()];
        List<Candidate> errors = new ArrayList<>(1);
        List<Candidate> warnings = new ArrayList<>(0);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            int field = fieldOfColumn[i];
            String text = field < 0 ? null : fields.get(field).strip();
            if (text != null && text.isEmpty()) {
                text = null;
            }
            texts[i] = text;
            if (text == null) {
                if (column.required()) {
                    errors.add(new Candidate(i, Issue.error("MISSING_FIELD", column.name(), column.name() + " 为必填项，值为空")));
                }
                continue;
            }
            Object value = column.type().parse(text, column, asOf);
            if (value == null) {
                Issue.Severity severity = column.required() ? Issue.Severity.ERROR : Issue.Severity.WARN;
                Issue issue = new Issue(severity, column.type().reason(), column.name(), describe(column, text));
                (column.required() ? errors : warnings).add(new Candidate(i, issue));
            } else {
                values[i] = value;
            }
        }
        consistency(values, texts, errors, warnings);
        if (!errors.isEmpty()) {
            Candidate first = errors.stream().min(Comparator.comparingInt(Candidate::column)).orElseThrow();
            return new Result(null, List.of(first.issue()));
        }
        warnings.sort(Comparator.comparingInt(Candidate::column));
        return new Result(values, warnings.stream().map(Candidate::issue).toList());
    }

    /** The cross-field rules of extracts.md ("INCONSISTENT"). */
    private void consistency(Object[] v, String[] texts, List<Candidate> errors, List<Candidate> warnings) {
        switch (extract) {
            case CLAIMS -> {
                notBefore(v, "application_date", "separation_date", errors);
                String status = (String) v[extract.indexOf("status")];
                if (status != null && !status.equals("RECEIVED") && !status.equals("WITHDRAWN")) {
                    requiredByStatus(v, texts, "decision_date", "status 为 " + status, errors, warnings);
                }
                int start = extract.indexOf("benefit_start");
                int end = extract.indexOf("benefit_end");
                if (v[start] != null && v[end] != null && ((LocalDate) v[end]).isBefore((LocalDate) v[start])) {
                    v[end] = null;
                    warnings.add(new Candidate(end, Issue.warn("INCONSISTENT", "benefit_end",
                            "benefit_end 早于 benefit_start，已置空")));
                }
                int category = extract.indexOf("retirement_category");
                String personId = (String) v[extract.indexOf("person_id")];
                if (v[category] != null && personId != null) {
                    boolean male = Identifiers.isMale(personId);
                    boolean maleCategory = v[category].equals("M60");
                    if (male != maleCategory) {
                        warnings.add(new Candidate(category, Issue.warn("INCONSISTENT", "retirement_category",
                                "retirement_category " + v[category] + " 与身份证号性别位不符，已置空（按默认类别）")));
                        v[category] = null;
                    }
                }
            }
            case SUBSIDIES -> {
                notBefore(v, "application_date", "issue_date", errors);
                if ("PAID".equals(v[extract.indexOf("status")])) {
                    requiredByStatus(v, texts, "paid_date", "status 为 PAID", errors, warnings);
                }
            }
            case REGISTRATIONS -> {
                int from = extract.indexOf("registered_on");
                int to = extract.indexOf("ended_on");
                if (v[from] != null && v[to] != null && ((LocalDate) v[to]).isBefore((LocalDate) v[from])) {
                    v[to] = null;
                    warnings.add(new Candidate(to, Issue.warn("INCONSISTENT", "ended_on", "ended_on 早于 registered_on，已置空")));
                }
            }
            default -> {
            }
        }
    }

    private void notBefore(Object[] v, String later, String earlier, List<Candidate> errors) {
        int l = extract.indexOf(later);
        int e = extract.indexOf(earlier);
        if (v[l] != null && v[e] != null && ((LocalDate) v[l]).isBefore((LocalDate) v[e])) {
            errors.add(new Candidate(l, Issue.error("INCONSISTENT", later,
                    later + " " + v[l] + " 早于 " + earlier + " " + v[e])));
        }
    }

    /** A field that the status makes required: missing is INCONSISTENT, invalid is an ERROR of its type. */
    private void requiredByStatus(Object[] v, String[] texts, String column, String why,
                                  List<Candidate> errors, List<Candidate> warnings) {
        int i = extract.indexOf(column);
        if (v[i] != null) {
            return;
        }
        if (texts[i] == null) {
            errors.add(new Candidate(i, Issue.error("INCONSISTENT", column, why + " 时 " + column + " 为必填项")));
        } else {
            warnings.removeIf(c -> c.column() == i);
            ColumnSpec spec = columns.get(i);
            errors.add(new Candidate(i, Issue.error(spec.type().reason(), column, describe(spec, texts[i]) + "（" + why + " 时必填）")));
        }
    }

    /** Why a value is invalid, without repeating personal data (the raw row is in the rejects file). */
    static String describe(ColumnSpec column, String text) {
        String name = column.name();
        return switch (column.type()) {
            case TEXT, UPPER_TEXT -> name + " 超过 " + column.maxLength() + " 个字符（" + text.codePointCount(0, text.length()) + "）";
            case DATE -> name + " 不是有效日期（yyyy-MM-dd、yyyyMMdd 或 yyyy/MM/dd）";
            case PERIOD -> name + " 不是有效费款所属期（yyyy-MM 或 yyyyMM，1999-01 起）";
            case AMOUNT -> name + " 不是有效金额（最多 12 位整数、2 位小数）";
            case ENUM -> name + " 取值无效，应为 " + String.join("/", column.enumValues().stream().sorted().toList());
            case LEVEL -> name + " 应为 1 到 5 的一位数字";
            case PERSON_ID -> name + " 无效：" + personIdProblem(text);
            case EMPLOYER_ID -> name + " 无效：" + employerIdProblem(text);
            case REGION -> name + " 不是有效行政区划代码（6 位数字，前两位为省级代码）";
            case OCCUPATION -> name + " 不是有效职业编码（如 6-29-01-01）";
            case PHONE -> name + " 不是有效手机号码，已置空";
            case BANK_ACCOUNT -> name + " 不是 12–19 位数字账号，已置空";
        };
    }

    private static String personIdProblem(String v) {
        if (v.length() != 18) {
            return "应为 18 位（实为 " + v.length() + " 位" + (v.length() == 15 ? "，15 位旧号码不受理" : "") + "）";
        }
        String u = v.toUpperCase(java.util.Locale.ROOT);
        if (u.length() != 18 || !u.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9') || !(Character.isDigit(u.charAt(17)) || u.charAt(17) == 'X')) {
            return "含非法字符";
        }
        if (!Identifiers.isProvinceCode(Integer.parseInt(u.substring(0, 2)))) {
            return "前两位不是省级行政区划代码";
        }
        LocalDate birth = Identifiers.birthDate(u);
        if (birth == null) {
            return "出生日期不是有效日期";
        }
        return Identifiers.personCheckChar(u) != u.charAt(17) ? "校验位错误（GB 11643）" : "出生日期晚于数据截止日";
    }

    private static String employerIdProblem(String v) {
        if (v.length() != 18) {
            return "应为 18 位（实为 " + v.length() + " 位）";
        }
        String u = v.toUpperCase(java.util.Locale.ROOT);
        if (u.length() != 18) {
            return "应为 18 位";
        }
        return u.chars().allMatch(c -> Identifiers.CREDIT_ALPHABET.indexOf(c) >= 0)
                ? "校验位错误（GB 32100）" : "含非法字符（不得含 I、O、Z、S、V）";
    }
}
