package org.fundguard.screening;

import java.nio.file.Path;
import java.time.LocalDate;
import org.fundguard.calendar.WorkingDayCalendar;
import org.fundguard.config.JobDefinition;

/**
 * SVC-01's deadline (国 一 "自收到申请之日起10个工作日内需审核完毕"): the {@code working_days}-th
 * working day after the application date on the official calendar, extended by the job
 * definition's {@code calendar.file} (a later year's State Council notice).
 */
public final class ReviewDeadline {

    public static final String WORKING_DAYS = "rule.SVC-01.working_days";
    public static final String WARN_WORKING_DAYS = "rule.SVC-01.warn_working_days";
    public static final String CALENDAR_FILE = "calendar.file";

    static {
        register();
    }

    /** Registers SVC-01's parameters and the calendar extension with their defaults. */
    public static void register() {
        JobDefinition.define(WORKING_DAYS, "10");
        JobDefinition.define(WARN_WORKING_DAYS, "2");
        JobDefinition.define(CALENDAR_FILE, "");
    }

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    private ReviewDeadline(WorkingDayCalendar calendar, int workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    public static ReviewDeadline of(JobDefinition definition) {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        String file = definition.get(CALENDAR_FILE);
        if (!file.isBlank()) {
            calendar = calendar.withFile(Path.of(file));
        }
        return new ReviewDeadline(calendar, definition.integer(WORKING_DAYS));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** deadline(c): throws ContractException naming a year the calendar lacks. */
    public LocalDate deadline(LocalDate applicationDate) {
        return calendar.addWorkingDays(applicationDate, workingDays);
    }
}
