package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.extract.Extract.EMPLOYERS;
import static org.fundguard.extract.Extract.MEDICAL;
import static org.fundguard.extract.Extract.REGISTRATIONS;
import static org.fundguard.service.ServiceData.claim;
import static org.fundguard.service.ServiceData.claimOf;
import static org.fundguard.service.ServiceData.concat;
import static org.fundguard.service.ServiceData.decided;
import static org.fundguard.service.ServiceData.e;
import static org.fundguard.service.ServiceData.p;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fundguard.calendar.WorkingDayCalendar;
import org.fundguard.support.ExtractDir;
import org.fundguard.support.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service lists SVC-01..07 through the real command and the real files, on each database
 * through a subclass. Every run loads without rejects.
 */
abstract class ServiceListsTests {

    static final String AS_OF = "2026-11-25";
    static final WorkingDayCalendar CAL = WorkingDayCalendar.official();

    @TempDir
    Path tmp;
    String url;

    abstract String newDatabase(Path dir);

    @BeforeEach
    void database() {
        url = newDatabase(tmp.resolve("db"));
    }

    /** An extract folder delivering employers 1 and 2 (the last employers of the test claims). */
    ExtractDir extracts(String name) {
        ExtractDir x = new ExtractDir(tmp.resolve(name));
        x.row(EMPLOYERS, "employer_id", e(1), "employer_name", "测试单位1");
        x.row(EMPLOYERS, "employer_id", e(2), "employer_name", "测试单位2");
        return x;
    }

    ServiceRun run(ExtractDir x, String asOf, String... config) {
        return run(x, asOf, null, config);
    }

    ServiceRun run(ExtractDir x, String asOf, Path standards, String... config) {
        ServiceRun r = ServiceRun.run(url, tmp, x, asOf, List.of(config), standards);
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.stderr()).isZero();
        return r;
    }

    static int left(String from, String to) {
        return CAL.workingDaysBetween(LocalDate.parse(from), LocalDate.parse(to));
    }

    // ---- SVC-01 ----------------------------------------------------------------------------------

    /**
     * D = 2026-01-07: deadlines across the 2025 Spring Festival, the 2025 National Day, the 2026 New
     * Year (adjusted working Sunday 4 January), an out-of-scope 2024 claim (Dragon Boat Festival) and
     * a 2022 claim the calendar does not cover.
     */
    @Test
    void svc01_reviewDeadlinesAcrossHolidaysAndYears() {
        ExtractDir x = extracts("x");
        String d = "2026-01-07";
        claim(x, "SF", 1, "application_date", "2025-01-20");          // deadline Sat 2025-02-08 (调休上班)
        claim(x, "ND", 2, "application_date", "2025-09-26");          // deadline 2025-10-16
        claim(x, "NY1", 3, "application_date", "2025-12-24");         // deadline 2026-01-08: DUE_SOON 1
        claim(x, "NY0", 4, "application_date", "2025-12-23");         // deadline 2026-01-07 = D: DUE_SOON 0
        claim(x, "NY2", 5, "application_date", "2025-12-25");         // deadline 2026-01-09: DUE_SOON 2
        claim(x, "NY3", 6, "application_date", "2025-12-26");         // deadline 2026-01-12: 3 left, not listed
        claim(x, "NYM", 7, "application_date", "2025-12-22");         // deadline 2026-01-06: OVERDUE -1
        claim(x, "OLD24", 8, "application_date", "2024-06-03");       // out of scope; deadline 2024-06-18 (端午 06-10)
        claim(x, "OLD22", 9, "application_date", "2022-06-01");       // 2022 not covered
        claim(x, "DL9", 10, "application_date", "2025-12-22", "region_code", "210202"); // another region
        claim(x, "A10", 11, "application_date", "2025-12-22");
        claim(x, "A9", 12, "application_date", "2025-12-22");
        claim(x, "APP", 13, concat(decided("APPROVED", "2025-12-30"), "application_date", "2025-12-22"));
        claim(x, "WD", 14, "application_date", "2025-12-22", "status", "WITHDRAWN");
        claim(x, "FUT", 15, "application_date", "2026-01-08");      // after D: ignored
        ServiceRun r = run(x, d);

        String file = ServiceLists.REVIEW_DEADLINES;
        assertThat(r.ids(file)).containsExactly("A10", "A9", "ND", "NY0", "NY1", "NY2", "NYM", "OLD22", "OLD24", "SF", "DL9")
                .as("sorted by region_code, then claim_id by code point");

        assertThat(r.row(file, "SF")).containsEntry("deadline", "2025-02-08").containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", String.valueOf(-left("2025-02-08", d)))
                .containsEntry("application_date", "2025-01-20").containsEntry("person_id", p(1))
                .containsEntry("person_name", "张三").containsEntry("region_code", "210102");
        assertThat(r.row(file, "ND")).containsEntry("deadline", "2025-10-16").containsEntry("state", "OVERDUE");
        assertThat(r.row(file, "NY1")).containsEntry("deadline", "2026-01-08").containsEntry("state", "DUE_SOON")
                .containsEntry("working_days_left", "1");
        assertThat(r.row(file, "NY0")).containsEntry("deadline", "2026-01-07").containsEntry("state", "DUE_SOON")
                .containsEntry("working_days_left", "0");
        assertThat(r.row(file, "NY2")).containsEntry("deadline", "2026-01-09").containsEntry("working_days_left", "2");
        assertThat(r.row(file, "NYM")).containsEntry("deadline", "2026-01-06").containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", "-1");
        assertThat(r.row(file, "OLD24")).containsEntry("deadline", "2024-06-18").containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", String.valueOf(-left("2024-06-18", d)));
        // 2022: no deadline guessed; lateness counted from the latest possible deadline 2023-01-16
        assertThat(r.row(file, "OLD22")).containsEntry("deadline", "").containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", String.valueOf(-left("2023-01-16", d)));

        Map<String, Object> s = r.service("SVC-01");
        assertThat(s).containsEntry("overdue", 8).containsEntry("due_soon", 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> gaps = (Map<String, Object>) s.get("calendar_gaps");
        assertThat(gaps).containsEntry("years_missing_from_calendar", List.of(2022))
                .containsEntry("listed_without_exact_figures", 1).containsEntry("undetermined_not_listed", 0);
        assertThat(s.get("notes").toString()).contains("2022");
    }

    /** D = 2025-02-07 (Spring Festival), then D = 2025-10-15 (National Day) with warn_working_days = 3. */
    @Test
    void svc01_dueSoonAroundSpringFestivalAndNationalDay() {
        ExtractDir x = extracts("x");
        claim(x, "S0", 1, "application_date", "2025-01-17");   // deadline 2025-02-07 = D
        claim(x, "S1", 2, "application_date", "2025-01-20");   // deadline Sat 2025-02-08, 1 left
        claim(x, "S2", 3, "application_date", "2025-01-21");   // deadline 2025-02-10, 2 left (Sat 8 Feb counts)
        claim(x, "S3", 4, "application_date", "2025-01-22");   // deadline 2025-02-11, 3 left: not listed
        claim(x, "SM", 5, "application_date", "2025-01-16");   // deadline 2025-02-06: OVERDUE -1
        ServiceRun r = run(x, "2025-02-07");
        String file = ServiceLists.REVIEW_DEADLINES;
        assertThat(r.ids(file)).containsExactly("S0", "S1", "S2", "SM");
        assertThat(r.row(file, "S0")).containsEntry("state", "DUE_SOON").containsEntry("working_days_left", "0");
        assertThat(r.row(file, "S1")).containsEntry("deadline", "2025-02-08").containsEntry("working_days_left", "1");
        assertThat(r.row(file, "S2")).containsEntry("deadline", "2025-02-10").containsEntry("working_days_left", "2");
        assertThat(r.row(file, "SM")).containsEntry("deadline", "2025-02-06").containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", "-1");

        ExtractDir y = extracts("y");
        claim(y, "N1", 6, "application_date", "2025-09-26");   // deadline 2025-10-16, 1 left
        claim(y, "N3", 7, "application_date", "2025-09-29");   // deadline 2025-10-20, 3 left (16, 17, 20)
        claim(y, "N4", 8, "application_date", "2025-09-30");   // deadline 2025-10-21, 4 left: not listed
        ServiceRun r2 = run(y, "2025-10-15", "rule.SVC-01.warn_working_days=3");
        assertThat(r2.row(file, "N1")).containsEntry("deadline", "2025-10-16").containsEntry("state", "DUE_SOON")
                .containsEntry("working_days_left", "1");
        assertThat(r2.row(file, "N3")).containsEntry("deadline", "2025-10-20").containsEntry("state", "DUE_SOON")
                .containsEntry("working_days_left", "3");
        assertThat(r2.ids(file)).doesNotContain("N4").contains("S0", "S3"); // the February claims are still unreviewed
        assertThat(r2.row(file, "S3")).containsEntry("state", "OVERDUE")
                .containsEntry("working_days_left", String.valueOf(-left("2025-02-11", "2025-10-15")));
        assertThat(r2.service("SVC-01")).containsEntry("warn_working_days", 3).doesNotContainKey("calendar_gaps");
    }

    // ---- SVC-02 ----------------------------------------------------------------------------------

    @Test
    void svc02_withoutRegistrationsTheClaimFlagDecides() {
        ExtractDir x = extracts("x");
        claim(x, "P1", 1, "registered_unemployed", "Y");
        claim(x, "P2", 2, "registered_unemployed", "N", "phone", "+86 138-1234-5678");
        claim(x, "P3", 3);
        claim(x, "P4", 4, decided("APPROVED", "2026-11-10", "registered_unemployed", "N"));
        claim(x, "P5", 5, "application_date", "2025-10-01", "registered_unemployed", "N"); // out of scope
        ServiceRun r = run(x, AS_OF);
        assertThat(r.ids(ServiceLists.REGISTRATION_PUSH)).containsExactly("P2", "P3");
        assertThat(r.row(ServiceLists.REGISTRATION_PUSH, "P2")).containsEntry("phone", "13812345678")
                .containsEntry("application_date", "2026-11-03").containsEntry("person_id", p(2));
        assertThat(r.row(ServiceLists.REGISTRATION_PUSH, "P3")).containsEntry("phone", "");
        assertThat(r.service("SVC-02").get("source").toString()).contains("registered_unemployed");
    }

    @Test
    void svc02_registrationsDecideWhenAvailable() {
        ExtractDir x = extracts("x");
        claim(x, "Q1", 1, "registered_unemployed", "N");
        x.row(REGISTRATIONS, "person_id", p(1), "registered_on", "2026-10-01");
        claim(x, "Q2", 2);
        x.row(REGISTRATIONS, "person_id", p(2), "registered_on", "2026-01-05", "ended_on", "2026-11-02");
        claim(x, "Q3", 3);
        x.row(REGISTRATIONS, "person_id", p(3), "registered_on", "2026-01-05", "ended_on", "2026-11-03");
        claim(x, "Q4", 4);
        x.row(REGISTRATIONS, "person_id", p(4), "registered_on", "2026-11-26"); // after D
        claim(x, "Q5", 5, "registered_unemployed", "Y");                         // the flag no longer counts
        ServiceRun r = run(x, AS_OF);
        assertThat(r.ids(ServiceLists.REGISTRATION_PUSH)).containsExactly("Q2", "Q4", "Q5");
        assertThat(r.service("SVC-02").get("source").toString()).startsWith("registrations.csv");
    }

    // ---- SVC-03 ----------------------------------------------------------------------------------

    @Test
    void svc03_inScopeRejectionsWithoutReason() {
        ExtractDir x = extracts("x");
        claim(x, "J1", 1, decided("REJECTED", "2026-11-12"));
        claim(x, "J2", 2, decided("REJECTED", "2026-11-12", "reject_reason", "本人意愿离职"));
        claim(x, "J3", 3, decided("REJECTED", "2025-10-20", "application_date", "2025-10-01"));
        claim(x, "J4", 4, decided("REJECTED", "2026-11-26"));
        claim(x, "J5", 5, decided("APPROVED", "2026-11-12"));
        claim(x, "J6", 6, decided("REJECTED", "2026-11-13", "region_code", "210202"));
        ServiceRun r = run(x, AS_OF);
        assertThat(r.ids(ServiceLists.REJECTION_WITHOUT_REASON)).containsExactly("J1", "J6");
        assertThat(r.row(ServiceLists.REJECTION_WITHOUT_REASON, "J1")).containsEntry("decision_date", "2026-11-12")
                .containsEntry("person_name", "张三");
    }

    // ---- SVC-04 ----------------------------------------------------------------------------------

    @Test
    void svc04_noticesForDecisionsSinceThePreviousRun() {
        ExtractDir x = extracts("x");
        String phone = "13900001111";
        claim(x, "M18", 1, decided("APPROVED", "2026-11-18", "phone", phone));        // before [D-6, D]
        claim(x, "M19", 2, decided("APPROVED", "2026-11-19", "phone", phone));        // first day of the window
        claim(x, "M25", 3, decided("PAYING", "2026-11-25", "phone", phone, "region_code", "210202"));
        claim(x, "M26", 4, decided("APPROVED", "2026-11-26", "phone", phone));        // after D
        claim(x, "R1", 5, decided("REJECTED", "2026-11-20", "phone", phone, "reject_reason", "不符合领取条件"));
        claim(x, "R2", 6, decided("REJECTED", "2026-11-21", "phone", phone));          // blank reason
        claim(x, "NP", 7, decided("APPROVED", "2026-11-21"));                          // no phone
        claim(x, "WD", 8, "status", "WITHDRAWN", "decision_date", "2026-11-21", "phone", phone);
        claim(x, "RC", 9, "phone", phone);                                             // RECEIVED
        ServiceRun r = run(x, AS_OF);
        String file = ServiceLists.SMS_OUTBOX;
        assertThat(r.ids(file)).containsExactly("M19", "R1", "R2", "M25");
        assertThat(r.csv(file).get(0).keySet()).containsExactly("claim_id", "phone", "message");
        assertThat(r.row(file, "M19")).containsEntry("phone", phone);
        assertThat(r.row(file, "M19").get("message")).startsWith("【失业保险】张三您好")
                .contains("业务号M19").contains("2026年11月19日审核通过").contains("当前状态：已核准");
        assertThat(r.row(file, "R1").get("message")).contains("不予核准").contains("原因：不符合领取条件。")
                .contains(DecisionNotices.DEFAULT_REAPPLY);
        assertThat(r.row(file, "R2").get("message")).contains("原因：" + DecisionNotices.DEFAULT_MISSING_REASON);
        Map<String, Object> s = r.service("SVC-04");
        assertThat(s).containsEntry("previous_completed_run", null).containsEntry("decisions_from", "2026-11-19")
                .containsEntry("messages", 4).containsEntry("decided_without_phone", 1);

        // a week later: decisions after the previous completed run's as-of date (2026-11-25)
        ExtractDir y = extracts("y");
        claim(y, "N30", 10, decided("ENDED", "2026-11-30", "phone", phone));
        claim(y, "N02", 11, decided("SUSPENDED", "2026-12-02", "phone", phone));
        ServiceRun r2 = run(y, "2026-12-02");
        assertThat(r2.ids(file)).containsExactly("M26", "N02", "N30");
        assertThat(r2.service("SVC-04")).containsEntry("previous_completed_run", AS_OF)
                .containsEntry("decisions_from", "2026-11-26");

        // the same date again: the same bytes, the window still starts after 2026-11-25
        byte[] before = r2.bytes(file);
        ServiceRun again = run(y, "2026-12-02");
        assertThat(again.bytes(file)).isEqualTo(before);
        for (String name : List.of(ServiceLists.REVIEW_DEADLINES, ServiceLists.REGISTRATION_PUSH,
                ServiceLists.VOLUNTARY_RECHECK, ServiceLists.TRANSITIONAL_CONTINUATION)) {
            assertThat(again.bytes(name)).as(name).isEqualTo(r2.bytes(name));
        }
    }

    @Test
    void svc04_templatesAreJobParameters() {
        ExtractDir x = extracts("x");
        claim(x, "T1", 1, decided("APPROVED", "2026-11-20", "phone", "13900001111"));
        claim(x, "T2", 2, decided("REJECTED", "2026-11-20", "phone", "13900002222", "reject_reason", "材料不全"));
        ServiceRun r = run(x, AS_OF, "rule.SVC-04.template.approved=={name}：{claim_id}已通过",
                "rule.SVC-04.template.rejected={claim_id}不予核准，{reason}。{reapply}",
                "rule.SVC-04.text.reapply=可再次申请。");
        assertThat(r.row(ServiceLists.SMS_OUTBOX, "T1")).containsEntry("message", "'=张三：T1已通过");
        assertThat(r.row(ServiceLists.SMS_OUTBOX, "T2")).containsEntry("message", "T2不予核准，材料不全。可再次申请。");
    }

    @Test
    void svc04_anUnknownPlaceholderStopsTheRunNamingTheKey() {
        ExtractDir x = extracts("x");
        claim(x, "T1", 1, decided("APPROVED", "2026-11-20", "phone", "13900001111"));
        ServiceRun r = ServiceRun.run(url, tmp, x, AS_OF, List.of("rule.SVC-04.template.approved={name}您好，{decison_date}已通过"), null);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("rule.SVC-04.template.approved").contains("{decison_date}");
    }

    // ---- SVC-05 ----------------------------------------------------------------------------------

    @Test
    void svc05_reApplicationsAfterAVoluntaryRejection() {
        ExtractDir x = extracts("x");
        String sep = "2026-06-30";
        String[] rejectedVoluntary = decided("REJECTED", "2026-07-10", "separation_reason", "VOLUNTARY", "separation_date", sep);
        claim(x, "R1", 1, concat(rejectedVoluntary, "application_date", "2026-07-02"));
        claim(x, "L1", 1, "separation_reason", "OTHER_INVOLUNTARY", "separation_date", sep, "application_date", "2026-08-01");
        // different separation date
        claim(x, "R2", 2, concat(rejectedVoluntary, "application_date", "2026-07-02"));
        claim(x, "L2", 2, "separation_date", "2026-07-01", "application_date", "2026-08-01");
        // rejected, but not for leaving voluntarily
        claim(x, "R3", 3, decided("REJECTED", "2026-07-10", "separation_date", sep, "application_date", "2026-07-02"));
        claim(x, "L3", 3, "separation_date", sep, "application_date", "2026-08-01");
        // the re-application was withdrawn
        claim(x, "R4", 4, concat(rejectedVoluntary, "application_date", "2026-07-02"));
        claim(x, "L4", 4, "status", "WITHDRAWN", "separation_date", sep, "application_date", "2026-08-01");
        // same application date: the greater claim_id is the later one
        claim(x, "B5", 5, concat(rejectedVoluntary, "application_date", "2026-08-03"));
        claim(x, "B6", 5, "separation_date", sep, "application_date", "2026-08-03");
        claim(x, "C9", 6, concat(rejectedVoluntary, "application_date", "2026-08-04"));
        claim(x, "C1", 6, "separation_date", sep, "application_date", "2026-08-04");
        // the re-application is out of scope
        claim(x, "R7", 7, decided("REJECTED", "2025-09-10", "separation_reason", "VOLUNTARY", "separation_date", "2025-08-31",
                "application_date", "2025-09-01"));
        claim(x, "L7", 7, "separation_date", "2025-08-31", "application_date", "2025-10-01");
        // two rejections: the latest is named; the second rejection is itself a re-application
        claim(x, "R8a", 8, concat(rejectedVoluntary, "application_date", "2026-07-01"));
        claim(x, "R8b", 8, concat(decided("REJECTED", "2026-08-10", "separation_reason", "VOLUNTARY", "separation_date", sep),
                "application_date", "2026-08-01"));
        claim(x, "L8", 8, decided("APPROVED", "2026-09-10", "separation_date", sep, "application_date", "2026-09-01",
                "region_code", "210202"));
        // another employer
        claim(x, "R9", 9, concat(rejectedVoluntary, "application_date", "2026-07-02"));
        claim(x, "L9", 9, "last_employer_id", e(2), "separation_date", sep, "application_date", "2026-08-01");
        ServiceRun r = run(x, AS_OF);
        String file = ServiceLists.VOLUNTARY_RECHECK;
        assertThat(r.ids(file)).containsExactly("B6", "L1", "R8b", "L8");
        assertThat(r.row(file, "L1")).containsEntry("rejected_claim_id", "R1").containsEntry("separation_date", sep)
                .containsEntry("application_date", "2026-08-01").containsEntry("last_employer_id", e(1))
                .containsEntry("person_id", p(1));
        assertThat(r.row(file, "B6")).containsEntry("rejected_claim_id", "B5");
        assertThat(r.row(file, "R8b")).containsEntry("rejected_claim_id", "R8a");
        assertThat(r.row(file, "L8")).containsEntry("rejected_claim_id", "R8b").containsEntry("region_code", "210202");
    }

    // ---- SVC-06 ----------------------------------------------------------------------------------

    /** A claim drawing benefits on 2024-12-31 with benefit end {@code end}. */
    static String[] cohort(String end, String... more) {
        return concat(decided("ENDED", "2024-10-15", "separation_date", "2024-09-30", "application_date", "2024-10-08",
                "benefit_start", "2024-10-16", "benefit_end", end), more);
    }

    /**
     * Men born 1966-01-15: old date 2026-01-15, new date 2026-05-15 (4 months later); eligible for
     * benefit ends in (2025-01-15, 2025-05-15).
     */
    @Test
    void svc06_transitionalContinuationAtTheOneYearBoundaries() {
        ExtractDir x = extracts("x");
        claimOf(x, "T1", Ids.person("210102", "19660115", 1), cohort("2025-05-14")); // new = E+1y+1d: eligible
        claimOf(x, "T2", Ids.person("210102", "19660115", 3), cohort("2025-05-15")); // new = E+1y: not
        claimOf(x, "T3", Ids.person("210102", "19660115", 5), cohort("2025-01-15")); // old = E+1y: not
        claimOf(x, "T4", Ids.person("210102", "19660115", 7), cohort("2025-01-16")); // old = E+1y-1d: eligible
        // woman, category F55, born 1971-03-10: delay 4 months, old 2026-03-10, new 2026-07-10
        claimOf(x, "W55", Ids.person("210102", "19710310", 2), cohort("2025-06-30", "retirement_category", "F55"));
        // woman without a category: F50; born 1976-01-20: delay 7 months, old 2026-01-20, new 2026-08-20
        claimOf(x, "W50", Ids.person("210203", "19760120", 4), cohort("2025-03-31", "region_code", "210203"));
        // a man born 1964-12 is not affected by the reform
        claimOf(x, "U1", Ids.person("210102", "19641205", 9), cohort("2024-12-31"));
        // not in the cohort: rejected, or benefits starting after 2024-12-31
        claimOf(x, "X1", Ids.person("210102", "19660115", 11), concat(decided("REJECTED", "2024-10-15", "separation_date",
                "2024-09-30", "application_date", "2024-10-08", "benefit_start", "2024-10-16", "benefit_end", "2025-05-14")));
        claimOf(x, "X2", Ids.person("210102", "19660115", 13), decided("ENDED", "2025-01-05", "separation_date", "2024-12-20",
                "application_date", "2025-01-02", "benefit_start", "2025-01-06", "benefit_end", "2025-05-14"));
        ServiceRun r = run(x, AS_OF);
        String file = ServiceLists.TRANSITIONAL_CONTINUATION;
        assertThat(r.ids(file)).containsExactly("T1", "T4", "W55", "W50");
        assertThat(r.row(file, "T1")).containsEntry("retirement_category", "M60").containsEntry("benefit_end", "2025-05-14")
                .containsEntry("old_retirement_date", "2026-01-15").containsEntry("new_retirement_date", "2026-05-15")
                .containsEntry("continue_until", "2026-01-15");
        assertThat(r.row(file, "W55")).containsEntry("retirement_category", "F55")
                .containsEntry("old_retirement_date", "2026-03-10").containsEntry("new_retirement_date", "2026-07-10")
                .containsEntry("continue_until", "2026-03-10");
        assertThat(r.row(file, "W50")).containsEntry("retirement_category", "F50")
                .containsEntry("new_retirement_date", "2026-08-20").containsEntry("continue_until", "2026-01-20");
    }

    // ---- SVC-07 ----------------------------------------------------------------------------------

    @Test
    void svc07_medicalRefundsCappedByTheLocalStandard() {
        Path standards = tmp.resolve("standards.csv");
        ServiceRun.write(standards, "# test standards\ncity,from_month,to_month,amount\n"
                + "210100,2026-01,2026-06,300.00\n210100,2026-07,,320\n210200,2026-01,2026-03,280.00\n");
        ExtractDir x = extracts("x");
        String[] ended = decided("ENDED", "2026-03-10", "separation_date", "2026-02-27", "application_date", "2026-03-05",
                "benefit_start", "2026-03-10", "benefit_end", "2026-08-09");
        claim(x, "M1", 1, ended);
        medical(x, 1, "2026-02", "SELF", "300.00");    // before the benefits
        medical(x, 1, "2026-03", "AGENCY", "300.00");  // paid by the agency
        medical(x, 1, "2026-03", "SELF", "280.00");
        medical(x, 1, "2026-04", "SELF", "250.00");    // below the standard: as paid
        medical(x, 1, "2026-05", "SELF", "350.00");    // above: the standard
        medical(x, 1, "2026-07", "SELF", "400.00");    // the next range's standard
        medical(x, 1, "2026-08", "SELF", "100.50");
        medical(x, 1, "2026-09", "SELF", "500.00");    // after the benefits
        // city 210200 has no standard for 2026-04: left out, listed in the summary
        claim(x, "M2", 2, decided("SUSPENDED", "2026-02-01", "region_code", "210203", "separation_date", "2026-01-20",
                "application_date", "2026-01-25", "benefit_start", "2026-02-01", "benefit_end", "2026-04-30"));
        medical(x, 2, "2026-02", "SELF", "200.00");
        medical(x, 2, "2026-04", "SELF", "200.00");
        // still paying, benefits not ended by D, or the agency paid every month: nothing
        claim(x, "M3", 3, decided("PAYING", "2026-03-10", "separation_date", "2026-02-27", "application_date", "2026-03-05",
                "benefit_start", "2026-03-10", "benefit_end", "2026-08-09"));
        medical(x, 3, "2026-04", "SELF", "250.00");
        claim(x, "M4", 4, decided("ENDED", "2026-03-10", "separation_date", "2026-02-27", "application_date", "2026-03-05",
                "benefit_start", "2026-03-10", "benefit_end", "2026-11-30"));
        medical(x, 4, "2026-04", "SELF", "250.00");
        claim(x, "M5", 5, ended);
        medical(x, 5, "2026-04", "AGENCY", "300.00");
        ServiceRun r = run(x, AS_OF, standards);
        String file = ServiceLists.MEDICAL_REFUNDS;
        assertThat(r.ids(file)).containsExactly("M1");
        assertThat(r.row(file, "M1")).containsEntry("months", "4").containsEntry("refund_total", "970.50")
                .containsEntry("detail", "2026-04:250.00;2026-05:300.00;2026-07:320.00;2026-08:100.50")
                .containsEntry("person_id", p(1)).containsEntry("region_code", "210102");
        Map<String, Object> s = r.service("SVC-07");
        assertThat(s).containsEntry("listed", 1).containsEntry("claims_left_out_without_standard", 1)
                .containsEntry("missing_standards", List.of(Map.of("city", "210200", "month", "2026-04", "claims", 1)))
                .doesNotContainKey("standards_placeholder");
    }

    static void medical(ExtractDir x, int person, String period, String payer, String amount) {
        x.row(MEDICAL, "person_id", p(person), "period", period, "payer", payer, "amount", amount);
    }

    @Test
    void svc07_theShippedPlaceholderStandardsAreFlaggedInTheSummary() {
        ExtractDir x = extracts("x");
        claim(x, "M1", 1, decided("ENDED", "2026-03-10", "separation_date", "2026-02-27", "application_date", "2026-03-05",
                "benefit_start", "2026-03-10", "benefit_end", "2026-04-09"));
        medical(x, 1, "2026-04", "SELF", "500.00");
        ServiceRun r = run(x, AS_OF);
        assertThat(r.row(ServiceLists.MEDICAL_REFUNDS, "M1")).containsEntry("refund_total", "300.00");
        assertThat(r.service("SVC-07")).containsEntry("standards_placeholder", true).containsKey("warning");
    }

    // ---- every file, every run; the summary ------------------------------------------------------

    @Test
    void everyFileIsWrittenWithItsHeaderAndTheSummaryHoldsNoPersonalData() {
        ExtractDir x = extracts("x");
        claim(x, "C1", 1, "phone", "13812345678", "person_name", "张三丰");
        ServiceRun r = run(x, AS_OF);
        Map<String, List<String>> headers = Map.of(
                ServiceLists.REVIEW_DEADLINES, ServiceLists.REVIEW_DEADLINES_HEADER,
                ServiceLists.REGISTRATION_PUSH, ServiceLists.REGISTRATION_PUSH_HEADER,
                ServiceLists.REJECTION_WITHOUT_REASON, ServiceLists.REJECTION_WITHOUT_REASON_HEADER,
                ServiceLists.SMS_OUTBOX, ServiceLists.SMS_OUTBOX_HEADER,
                ServiceLists.VOLUNTARY_RECHECK, ServiceLists.VOLUNTARY_RECHECK_HEADER,
                ServiceLists.TRANSITIONAL_CONTINUATION, ServiceLists.TRANSITIONAL_CONTINUATION_HEADER,
                ServiceLists.MEDICAL_REFUNDS, ServiceLists.MEDICAL_REFUNDS_HEADER);
        headers.forEach((name, header) -> {
            String text = new String(r.bytes(name), StandardCharsets.UTF_8);
            assertThat(text).as(name).startsWith("\uFEFF" + String.join(",", header) + "\r\n");
        });
        assertThat(new String(r.bytes(ServiceLists.SMS_OUTBOX), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + String.join(",", ServiceLists.SMS_OUTBOX_HEADER) + "\r\n");
        // the RECEIVED claim applied 2026-11-03 is overdue on 2026-11-25 and not registered
        assertThat(r.ids(ServiceLists.REVIEW_DEADLINES)).containsExactly("C1");
        assertThat(r.ids(ServiceLists.REGISTRATION_PUSH)).containsExactly("C1");

        Map<String, Object> service = r.service();
        assertThat(service.get("files")).isEqualTo(Map.of(ServiceLists.REVIEW_DEADLINES, 1, ServiceLists.REGISTRATION_PUSH, 1,
                ServiceLists.REJECTION_WITHOUT_REASON, 0, ServiceLists.SMS_OUTBOX, 0, ServiceLists.VOLUNTARY_RECHECK, 0,
                ServiceLists.TRANSITIONAL_CONTINUATION, 0, ServiceLists.MEDICAL_REFUNDS, 0));
        assertThat(r.service("SVC-07").get("skipped").toString()).contains("medical.csv");
        String summary = r.summaryText();
        assertThat(summary).doesNotContain(p(1)).doesNotContain("张三丰").doesNotContain("13812345678");
    }
}
