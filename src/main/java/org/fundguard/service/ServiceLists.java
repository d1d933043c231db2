package org.fundguard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundguard.config.JobDefinition;
import org.fundguard.export.CsvTableWriter;
import org.fundguard.extract.Extract;
import org.fundguard.extract.ExtractStager;
import org.fundguard.extract.Identifiers;
import org.fundguard.extract.LoadedFiles;
import org.fundguard.extract.Months;
import org.fundguard.run.RunParameters;
import org.fundguard.screening.ReviewDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service-quality lists of outputs.md ({@code OUT/<as-of>/service/*.csv}, rules.md SVC-01..07),
 * written on every completed run (header only when a list is empty) with the one CSV writer, each
 * sorted by {@code region_code}, then {@code claim_id} (by code point, in Java, so that H2 and
 * PostgreSQL give the same bytes). Data dated after D is ignored: claims applied after D, decisions
 * after D (a claim rejected after D was not rejected at D), medical periods after the benefit end.
 *
 * <p>The step leaves its part of summary.json (rows per file, SVC-01 calendar notes, SVC-04 window,
 * SVC-07 missing standards; no personal data) in its execution context, from which
 * {@link ServiceSummary} adds it to the summary.
 */
@Component
public class ServiceLists {

    private static final Logger log = LoggerFactory.getLogger(ServiceLists.class);

    /** Execution-context key of the step's summary part (JSON). */
    static final String SUMMARY_KEY = "fundguard.service.summary";

    static final String REVIEW_DEADLINES = "review-deadlines.csv";
    static final String REGISTRATION_PUSH = "registration-push.csv";
    static final String REJECTION_WITHOUT_REASON = "rejection-without-reason.csv";
    static final String SMS_OUTBOX = "sms-outbox.csv";
    static final String VOLUNTARY_RECHECK = "voluntary-recheck.csv";
    static final String TRANSITIONAL_CONTINUATION = "transitional-continuation.csv";
    static final String MEDICAL_REFUNDS = "medical-refunds.csv";

    static final List<String> REVIEW_DEADLINES_HEADER = List.of("claim_id", "region_code", "person_id", "person_name",
            "application_date", "deadline", "working_days_left", "state");
    static final List<String> REGISTRATION_PUSH_HEADER = List.of("claim_id", "region_code", "person_id", "person_name",
            "phone", "application_date");
    static final List<String> REJECTION_WITHOUT_REASON_HEADER = List.of("claim_id", "region_code", "person_id",
            "person_name", "decision_date");
    static final List<String> SMS_OUTBOX_HEADER = List.of("claim_id", "phone", "message");
    static final List<String> VOLUNTARY_RECHECK_HEADER = List.of("claim_id", "rejected_claim_id", "region_code",
            "person_id", "person_name", "last_employer_id", "separation_date", "application_date");
    static final List<String> TRANSITIONAL_CONTINUATION_HEADER = List.of("claim_id", "region_code", "person_id",
            "person_name", "retirement_category", "benefit_end", "old_retirement_date", "new_retirement_date",
            "continue_until");
    static final List<String> MEDICAL_REFUNDS_HEADER = List.of("claim_id", "region_code", "person_id", "person_name",
            "months", "refund_total", "detail");

    /** In scope: application_date in [D − 365 days, D] (rules.md, Notation). */
    static final int SCOPE_DAYS = 365;
    /** SVC-04 without an earlier completed run: decisions in [D − 6 days, D]. */
    static final int FIRST_NOTICE_WINDOW_DAYS = 6;

    private final JdbcTemplate jdbc;
    private final LoadedFiles files;
    private final ObjectMapper json = new ObjectMapper();

    public ServiceLists(JdbcTemplate jdbc, LoadedFiles files) {
        this.jdbc = jdbc;
        this.files = files;
        ReviewDeadline.register();
        DecisionNotices.register();
    }

    public Tasklet step() {
        return (contribution, context) -> {
            StepExecution step = context.getStepContext().getStepExecution();
            RunParameters run = RunParameters.of(step.getJobExecution().getJobParameters());
            Map<String, Object> summary = write(run);
            try {
                step.getExecutionContext().putString(SUMMARY_KEY, json.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Checks the job definition's service parameters (SVC-04 templates): a {@code ContractException}
     * naming the key for an unknown placeholder. Meant to be called when the run starts, right
     * after the job definition is loaded; {@link #write} checks again before writing anything.
     */
    public static void validate(JobDefinition definition) {
        DecisionNotices.validate(definition);
    }

    /** Writes the seven lists; returns the service part of summary.json. */
    Map<String, Object> write(RunParameters run) {
        JobDefinition definition = JobDefinition.load(run.config());
        DecisionNotices notices = DecisionNotices.of(definition);
        ReviewDeadline reviewDeadline = ReviewDeadline.of(definition);
        Context c = new Context(run, run.outDir().resolve("service"));

        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        summary.put("files", rows);
        summary.put("SVC-01", reviewDeadlines(c, reviewDeadline, definition, rows));
        summary.put("SVC-02", registrationPush(c, rows));
        summary.put("SVC-03", rejectionWithoutReason(c, rows));
        summary.put("SVC-04", decisionNotices(c, notices, rows));
        summary.put("SVC-05", voluntaryRecheck(c, rows));
        summary.put("SVC-06", transitionalContinuation(c, rows));
        summary.put("SVC-07", medicalRefunds(c, rows));
        return summary;
    }

    /** The run's shared values: D as a date and as a day number, the scope start, the folder. */
    private record Context(RunParameters run, Path dir) {
        LocalDate asOf() {
            return run.asOf();
        }

        int d() {
            return (int) run.asOf().toEpochDay();
        }

        int scopeStart() {
            return d() - SCOPE_DAYS;
        }
    }

    /** One output line with its sort keys. */
    private record Line(String region, String claimId, Object[] cells) {
    }

    private static final Comparator<Line> ORDER = Comparator.comparing(Line::region, CodePointOrder.TEXT)
            .thenComparing(Line::claimId, CodePointOrder.TEXT);

    /** Sorts by region_code, then claim_id, and writes the file; returns its row count. */
    private static long write(Context c, String name, List<String> header, List<Line> lines, Map<String, Object> rows) {
        lines.sort(ORDER);
        try (CsvTableWriter out = new CsvTableWriter(c.dir().resolve(name), header)) {
            for (Line line : lines) {
                out.row(line.cells());
            }
            out.close();
            rows.put(name, out.written().rows());
            return out.written().rows();
        }
    }

    // ---- SVC-01 REVIEW_DEADLINE ------------------------------------------------------------------

    private Map<String, Object> reviewDeadlines(Context c, ReviewDeadline reviewDeadline, JobDefinition definition,
                                                Map<String, Object> rows) {
        int workingDays = definition.integer(ReviewDeadline.WORKING_DAYS);
        int warn = definition.integer(ReviewDeadline.WARN_WORKING_DAYS);
        ReviewDeadlines deadlines = new ReviewDeadlines(reviewDeadline.calendar(), workingDays, warn, c.asOf());
        List<Line> lines = new ArrayList<>();
        long[] counts = new long[5]; // examined, overdue, due soon, listed without exact figures, undetermined
        SortedSet<Integer> missingYears = new TreeSet<>();
        LocalDate[] undeterminedRange = new LocalDate[2];
        jdbc.query("SELECT claim_id, region_code, person_id, person_name, application_date FROM claim"
                + " WHERE status = 'RECEIVED' AND app_day <= ?", rs -> {
                    LocalDate applied = rs.getObject("application_date", LocalDate.class);
                    ReviewDeadlines.Assessment a = deadlines.assess(applied);
                    counts[0]++;
                    missingYears.addAll(a.missingYears());
                    if (a.undetermined()) {
                        counts[4]++;
                        undeterminedRange[0] = min(undeterminedRange[0], applied);
                        undeterminedRange[1] = max(undeterminedRange[1], applied);
                    }
                    if (!a.listed()) {
                        return;
                    }
                    counts[ReviewDeadlines.OVERDUE.equals(a.state()) ? 1 : 2]++;
                    if (!a.exact()) {
                        counts[3]++;
                    }
                    String region = rs.getString("region_code");
                    String claimId = rs.getString("claim_id");
                    lines.add(new Line(region, claimId, new Object[] {claimId, region, rs.getString("person_id"),
                            rs.getString("person_name"), applied, a.deadline(), a.workingDaysLeft(), a.state()}));
                }, c.d());
        write(c, REVIEW_DEADLINES, REVIEW_DEADLINES_HEADER, lines, rows);

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "REVIEW_DEADLINE");
        s.put("received_claims_examined", counts[0]);
        s.put("overdue", counts[1]);
        s.put("due_soon", counts[2]);
        s.put("working_days", workingDays);
        s.put("warn_working_days", warn);
        s.put("calendar_years", new ArrayList<>(reviewDeadline.calendar().years()));
        List<String> notes = new ArrayList<>();
        notes.add("every RECEIVED claim applied on or before the as-of date, in scope or not");
        if (!missingYears.isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("years_missing_from_calendar", new ArrayList<>(missingYears));
            m.put("listed_without_exact_figures", counts[3]);
            m.put("undetermined_not_listed", counts[4]);
            if (counts[4] > 0) {
                m.put("undetermined_application_dates", List.of(undeterminedRange[0].toString(), undeterminedRange[1].toString()));
            }
            s.put("calendar_gaps", m);
            notes.add("the working-day calendar has no holiday notice for " + missingYears + ", needed by " + (counts[3] + counts[4])
                    + " unreviewed claim(s); these years are not guessed: a claim is listed OVERDUE only when even its latest"
                    + " possible deadline (the " + workingDays + "th working day after 31 December of the missing year) has"
                    + " passed, and its deadline cell is then left empty; working_days_left counts only the working days of"
                    + " covered years after the (latest possible) deadline, a lower bound of the lateness");
            if (counts[4] > 0) {
                notes.add(counts[4] + " unreviewed claim(s) could not be classified without the missing year(s) and are not"
                        + " listed; add the holiday notice with calendar.file to classify them");
            }
            log.warn("SVC-01: the calendar lacks {} for {} old unreviewed claim(s); see summary.json", missingYears,
                    counts[3] + counts[4]);
        }
        s.put("notes", notes);
        return s;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    // ---- SVC-02 REGISTRATION_PUSH ----------------------------------------------------------------

    private Map<String, Object> registrationPush(Context c, Map<String, Object> rows) {
        boolean registrations = files.isAvailable(Extract.REGISTRATIONS);
        String unregistered = registrations
                ? "NOT EXISTS (SELECT 1 FROM registration r WHERE r.person_id = c.person_id AND r.reg_day <= ?"
                        + " AND (r.end_day IS NULL OR r.end_day >= c.app_day))"
                : "(c.registered_unemployed IS NULL OR c.registered_unemployed <> 'Y')";
        String sql = "SELECT c.claim_id, c.region_code, c.person_id, c.person_name, c.phone, c.application_date FROM claim c"
                + " WHERE c.status = 'RECEIVED' AND c.app_day BETWEEN ? AND ? AND " + unregistered;
        Object[] args = registrations ? new Object[] {c.scopeStart(), c.d(), c.d()} : new Object[] {c.scopeStart(), c.d()};
        List<Line> lines = new ArrayList<>();
        jdbc.query(sql, rs -> {
            String region = rs.getString("region_code");
            String claimId = rs.getString("claim_id");
            lines.add(new Line(region, claimId, new Object[] {claimId, region, rs.getString("person_id"),
                    rs.getString("person_name"), rs.getString("phone"), rs.getObject("application_date", LocalDate.class)}));
        }, args);
        long n = write(c, REGISTRATION_PUSH, REGISTRATION_PUSH_HEADER, lines, rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "REGISTRATION_PUSH");
        s.put("listed", n);
        s.put("source", registrations ? "registrations.csv (unemployment registrations)"
                : "claims.csv registered_unemployed (no registrations.csv has ever been loaded)");
        return s;
    }

    // ---- SVC-03 REJECTION_WITHOUT_REASON ---------------------------------------------------------

    private Map<String, Object> rejectionWithoutReason(Context c, Map<String, Object> rows) {
        List<Line> lines = new ArrayList<>();
        jdbc.query("SELECT claim_id, region_code, person_id, person_name, decision_date, reject_reason FROM claim"
                + " WHERE status = 'REJECTED' AND app_day BETWEEN ? AND ? AND decision_day <= ?", rs -> {
                    String reason = rs.getString("reject_reason");
                    if (reason != null && !reason.isBlank()) {
                        return;
                    }
                    String region = rs.getString("region_code");
                    String claimId = rs.getString("claim_id");
                    lines.add(new Line(region, claimId, new Object[] {claimId, region, rs.getString("person_id"),
                            rs.getString("person_name"), rs.getObject("decision_date", LocalDate.class)}));
                }, c.scopeStart(), c.d(), c.d());
        long n = write(c, REJECTION_WITHOUT_REASON, REJECTION_WITHOUT_REASON_HEADER, lines, rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "REJECTION_WITHOUT_REASON");
        s.put("listed", n);
        return s;
    }

    // ---- SVC-04 DECISION_NOTICE ------------------------------------------------------------------

    private Map<String, Object> decisionNotices(Context c, DecisionNotices notices, Map<String, Object> rows) {
        LocalDate previous = jdbc.queryForObject("SELECT MAX(as_of) FROM completed_run WHERE as_of < ?",
                (rs, n) -> rs.getObject(1, LocalDate.class), c.asOf());
        LocalDate from = previous != null ? previous.plusDays(1) : c.asOf().minusDays(FIRST_NOTICE_WINDOW_DAYS);
        List<Line> lines = new ArrayList<>();
        long[] withoutPhone = {0};
        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.query("SELECT claim_id, region_code, person_name, phone, status, application_date, decision_date, reject_reason"
                + " FROM claim WHERE status NOT IN ('WITHDRAWN', 'RECEIVED') AND decision_day BETWEEN ? AND ? AND app_day <= ?",
                rs -> {
                    String phone = rs.getString("phone");
                    if (phone == null || Identifiers.normalisePhone(phone) == null) {
                        withoutPhone[0]++;
                        return;
                    }
                    String status = rs.getString("status");
                    String claimId = rs.getString("claim_id");
                    String message = notices.message(status, rs.getString("person_name"), claimId,
                            rs.getObject("application_date", LocalDate.class), rs.getObject("decision_date", LocalDate.class),
                            rs.getString("reject_reason"));
                    if (message == null) {
                        return;
                    }
                    byStatus.merge(status, 1L, Long::sum);
                    lines.add(new Line(rs.getString("region_code"), claimId,
                            new Object[] {claimId, Identifiers.normalisePhone(phone), message}));
                }, (int) from.toEpochDay(), c.d(), c.d());
        long n = write(c, SMS_OUTBOX, SMS_OUTBOX_HEADER, lines, rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "DECISION_NOTICE");
        s.put("previous_completed_run", previous == null ? null : previous.toString());
        s.put("decisions_from", from.toString());
        s.put("decisions_to", c.asOf().toString());
        s.put("messages", n);
        s.put("messages_by_status", byStatus);
        s.put("decided_without_phone", withoutPhone[0]);
        return s;
    }

    // ---- SVC-05 VOLUNTARY_RECHECK ----------------------------------------------------------------

    private Map<String, Object> voluntaryRecheck(Context c, Map<String, Object> rows) {
        // per later claim: the latest earlier voluntary rejection it re-applies against
        Map<String, Object[]> best = new HashMap<>();
        Map<String, LocalDate> bestRejectedDate = new HashMap<>();
        Map<String, String> bestRejectedId = new HashMap<>();
        jdbc.query("SELECT l.claim_id, l.region_code, l.person_id, l.person_name, l.last_employer_id, l.separation_date,"
                + " l.application_date, r.claim_id AS rejected_id, r.application_date AS rejected_application_date"
                + " FROM claim l JOIN claim r ON r.person_id = l.person_id AND r.last_employer_id = l.last_employer_id"
                + " AND r.separation_date = l.separation_date AND r.claim_id <> l.claim_id"
                + " WHERE l.status <> 'WITHDRAWN' AND l.app_day BETWEEN ? AND ?"
                + " AND r.status = 'REJECTED' AND r.separation_reason = 'VOLUNTARY' AND r.decision_day <= ?"
                + " AND r.app_day <= l.app_day", rs -> {
                    String claimId = rs.getString("claim_id");
                    LocalDate applied = rs.getObject("application_date", LocalDate.class);
                    String rejectedId = rs.getString("rejected_id");
                    LocalDate rejectedApplied = rs.getObject("rejected_application_date", LocalDate.class);
                    boolean later = applied.isAfter(rejectedApplied)
                            || (applied.equals(rejectedApplied) && CodePointOrder.compare(claimId, rejectedId) > 0);
                    if (!later) {
                        return;
                    }
                    LocalDate seenDate = bestRejectedDate.get(claimId);
                    if (seenDate != null && (rejectedApplied.isBefore(seenDate) || (rejectedApplied.equals(seenDate)
                            && CodePointOrder.compare(rejectedId, bestRejectedId.get(claimId)) < 0))) {
                        return;
                    }
                    bestRejectedDate.put(claimId, rejectedApplied);
                    bestRejectedId.put(claimId, rejectedId);
                    best.put(claimId, new Object[] {claimId, rejectedId, rs.getString("region_code"), rs.getString("person_id"),
                            rs.getString("person_name"), rs.getString("last_employer_id"),
                            rs.getObject("separation_date", LocalDate.class), applied});
                }, c.scopeStart(), c.d(), c.d());
        List<Line> lines = new ArrayList<>();
        best.values().forEach(cells -> lines.add(new Line((String) cells[2], (String) cells[0], cells)));
        long n = write(c, VOLUNTARY_RECHECK, VOLUNTARY_RECHECK_HEADER, lines, rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "VOLUNTARY_RECHECK");
        s.put("listed", n);
        return s;
    }

    // ---- SVC-06 TRANSITIONAL_CONTINUATION --------------------------------------------------------

    private Map<String, Object> transitionalContinuation(Context c, Map<String, Object> rows) {
        int cohortDay = (int) StatutoryRetirement.COHORT_DAY.toEpochDay();
        List<Line> lines = new ArrayList<>();
        long[] cohort = {0};
        jdbc.query("SELECT claim_id, region_code, person_id, person_name, retirement_category, benefit_end FROM claim"
                + " WHERE status NOT IN ('REJECTED', 'WITHDRAWN') AND bstart_day <= ? AND bend_day >= ? AND app_day <= ?", rs -> {
                    cohort[0]++;
                    String personId = rs.getString("person_id");
                    LocalDate birth = Identifiers.birthDate(personId);
                    if (birth == null) {
                        return; // cannot happen: person_id is validated on load
                    }
                    RetirementCategory category = RetirementCategory.of(rs.getString("retirement_category"), personId);
                    LocalDate benefitEnd = rs.getObject("benefit_end", LocalDate.class);
                    LocalDate until = StatutoryRetirement.continuationUntil(category, birth, benefitEnd);
                    if (until == null) {
                        return;
                    }
                    String region = rs.getString("region_code");
                    String claimId = rs.getString("claim_id");
                    lines.add(new Line(region, claimId, new Object[] {claimId, region, personId, rs.getString("person_name"),
                            category.name(), benefitEnd, StatutoryRetirement.oldDate(category, birth),
                            StatutoryRetirement.newDate(category, birth), until}));
                }, cohortDay, cohortDay, c.d());
        long n = write(c, TRANSITIONAL_CONTINUATION, TRANSITIONAL_CONTINUATION_HEADER, lines, rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "TRANSITIONAL_CONTINUATION");
        s.put("cohort_claims", cohort[0]);
        s.put("listed", n);
        return s;
    }

    // ---- SVC-07 MEDICAL_REFUND -------------------------------------------------------------------

    /** One claim's months without an agency payment: month number → the person's own payments. */
    private record Refund(String claimId, String region, String personId, String personName,
                          TreeMap<Integer, BigDecimal> selfPaid) {
    }

    private Map<String, Object> medicalRefunds(Context c, Map<String, Object> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rule", "MEDICAL_REFUND");
        if (!files.isAvailable(Extract.MEDICAL)) {
            write(c, MEDICAL_REFUNDS, MEDICAL_REFUNDS_HEADER, new ArrayList<>(), rows);
            s.put("skipped", "skipped: no medical.csv has ever been loaded");
            return s;
        }
        Path standardsFile = c.run().medicalStandardsOrDefault();
        MedicalStandards standards = MedicalStandards.read(standardsFile);
        s.put("standards_file", standardsFile.toString());
        s.put("standards_sha256", ExtractStager.sha256(standardsFile));
        s.put("standards_rows", standards.rows());
        if (standards.placeholder()) {
            s.put("standards_placeholder", true);
            s.put("warning", "the medical standards file is marked PLACEHOLDER: its amounts are not the province's"
                    + " figures, so the refunds in medical-refunds.csv are not to be paid before the local standards are"
                    + " entered (see the file's header)");
            log.warn("SVC-07: {} is marked PLACEHOLDER; medical-refunds.csv uses figures the province has not confirmed",
                    standardsFile);
        }

        // months without an AGENCY row but with SELF rows, per claim
        Map<String, Refund> claims = new LinkedHashMap<>();
        jdbc.query("SELECT c.claim_id, c.region_code, c.person_id, c.person_name, m.period_month,"
                + " SUM(CASE WHEN m.payer = 'SELF' THEN m.amount ELSE 0 END) AS self_amount"
                + " FROM claim c JOIN medical m ON m.person_id = c.person_id"
                + " AND m.period_month BETWEEN c.bstart_month AND c.bend_month"
                + " WHERE c.status IN ('ENDED', 'SUSPENDED') AND c.bstart_day IS NOT NULL AND c.bend_day IS NOT NULL"
                + " AND c.bend_day <= ? AND c.app_day <= ?"
                + " GROUP BY c.claim_id, c.region_code, c.person_id, c.person_name, m.period_month"
                + " HAVING COUNT(CASE WHEN m.payer = 'AGENCY' THEN 1 END) = 0 AND COUNT(CASE WHEN m.payer = 'SELF' THEN 1 END) > 0",
                rs -> {
                    String claimId = rs.getString("claim_id");
                    Refund r = claims.get(claimId);
                    if (r == null) {
                        r = new Refund(claimId, rs.getString("region_code"), rs.getString("person_id"),
                                rs.getString("person_name"), new TreeMap<>());
                        claims.put(claimId, r);
                    }
                    r.selfPaid().put(rs.getInt("period_month"), rs.getBigDecimal("self_amount"));
                }, c.d(), c.d());

        List<Line> lines = new ArrayList<>();
        Map<String, TreeMap<Integer, Long>> missing = new TreeMap<>(); // city → month → claims
        long leftOut = 0;
        BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);
        for (Refund r : claims.values()) {
            String city = r.region().substring(0, 4) + "00";
            StringBuilder detail = new StringBuilder();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            int months = 0;
            boolean complete = true;
            for (Map.Entry<Integer, BigDecimal> e : r.selfPaid().entrySet()) {
                BigDecimal self = e.getValue().setScale(2, RoundingMode.UNNECESSARY);
                if (self.signum() == 0) {
                    continue; // nothing paid: nothing to refund, whatever the standard
                }
                Optional<BigDecimal> standard = standards.standard(city, e.getKey());
                if (standard.isEmpty()) {
                    complete = false;
                    missing.computeIfAbsent(city, k -> new TreeMap<>()).merge(e.getKey(), 1L, Long::sum);
                    continue;
                }
                BigDecimal refund = self.min(standard.get()).setScale(2, RoundingMode.UNNECESSARY);
                if (refund.signum() == 0) {
                    continue;
                }
                if (!detail.isEmpty()) {
                    detail.append(';');
                }
                detail.append(Months.format(e.getKey())).append(':').append(refund.toPlainString());
                total = total.add(refund);
                months++;
            }
            if (!complete) {
                leftOut++;
                continue;
            }
            if (total.signum() > 0) {
                paidTotal = paidTotal.add(total);
                lines.add(new Line(r.region(), r.claimId(), new Object[] {r.claimId(), r.region(), r.personId(), r.personName(),
                        months, total, detail.toString()}));
            }
        }
        long n = write(c, MEDICAL_REFUNDS, MEDICAL_REFUNDS_HEADER, lines, rows);
        s.put("listed", n);
        s.put("refund_total", paidTotal);
        s.put("claims_left_out_without_standard", leftOut);
        List<Map<String, Object>> missingList = new ArrayList<>();
        missing.forEach((city, months) -> months.forEach((month, count) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("city", city);
            m.put("month", Months.format(month));
            m.put("claims", count);
            missingList.add(m);
        }));
        s.put("missing_standards", missingList);
        if (leftOut > 0) {
            log.warn("SVC-07: {} claim(s) left out of {}: no local standard for {} city-month(s); see summary.json", leftOut,
                    MEDICAL_REFUNDS, missingList.size());
        }
        return s;
    }
}
