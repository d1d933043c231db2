package org.fundguard.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.fundguard.extract.Identifiers;

/**
 * {@code --bad-rows}: rows that exercise every reason code of extracts.md, and valid rows written in
 * unusual but accepted ways. They are written into the middle of each file (a quarter, half and three
 * quarters through the baseline), each one recorded in the {@link Manifest} with its line number and
 * the expected outcome.
 *
 * <p>Rows that must be rejected ({@code ERROR}) are taken in priority order while they stay under 3 %
 * of a cautious estimate of the file's final size (rows written so far, the planted rows still to
 * come, and a low projection of the rest of the baseline), so that no file crosses the default 5 %
 * reject limit; with small populations some error rows of the smaller files are therefore left out,
 * and the manifest notes which. {@code WARN} rows (loaded, one field nulled) and unusual valid rows are always
 * written. Bad rows use fresh persons and employers, so they never change what the rules find, except
 * the one in-scope claim with a malformed phone, which must still be screened.
 */
final class BadRows {
    private static final int SLOTS = 3;

    /** One planted row: fixed fields, a raw line, or a copy of the file's last good row. */
    private static final class Item {
        final Extract extract;
        final String severity;
        final String reason;
        final String column;
        final String note;
        String[] fields;
        String raw;
        UnaryOperator<String[]> fromLast;
        boolean unbalanced;
        boolean quoted;

        Item(Extract extract, String severity, String reason, String column, String note) {
            this.extract = extract;
            this.severity = severity;
            this.reason = reason;
            this.column = column;
            this.note = note;
        }
    }

    private final boolean enabled;
    private final Options o;
    private final Ids ids;
    private final Out out;
    private final Manifest mf;
    private final LocalDate asOf;
    private final int mD;
    private final SplittableRandom r;
    /** Per file: valid and WARN rows by slot. */
    private final EnumMap<Extract, List<List<Item>>> slots = new EnumMap<>(Extract.class);
    /** Per file: ERROR rows in priority order, taken while the budget allows. */
    private final EnumMap<Extract, List<Item>> errors = new EnumMap<>(Extract.class);
    private final EnumMap<Extract, Integer> errorsTaken = new EnumMap<>(Extract.class);
    private final EnumMap<Extract, Long> written = new EnumMap<>(Extract.class);
    private final EnumMap<Extract, Long> planted = new EnumMap<>(Extract.class);
    private final List<Item> pending = new ArrayList<>();
    private final List<Item> held = new ArrayList<>();
    private final boolean[] personSlotDone = new boolean[SLOTS];
    private final boolean[] employerSlotDone = new boolean[SLOTS];
    private String refEmployer;
    private String refRegion;

    BadRows(Options o, Ids ids, Out out, Manifest mf, Out.Buffer plantedRows) {
        this.enabled = o.badRows();
        this.o = o;
        this.ids = ids;
        this.out = out;
        this.mf = mf;
        this.asOf = o.asOf();
        this.mD = o.asOfMonth();
        this.r = Rng.of(o.seed(), 7, 0);
        for (Extract e : Extract.values()) {
            planted.put(e, (long) plantedRows.count(e));
        }
        if (o.plantRules()) { // the SKL-06 surge, planted at the end, adds a few dozen applications
            planted.merge(Extract.SUBSIDIES, 30L, Long::sum);
        }
        if (enabled) {
            distribute(Extract.EMPLOYERS, employers());
        }
    }

    /** Builds the rows of the other files, once the reference employer exists. */
    void init(String employerId, String region) {
        this.refEmployer = employerId;
        this.refRegion = region;
        if (!enabled) {
            return;
        }
        distribute(Extract.CONTRIBUTIONS, contributions());
        distribute(Extract.CLAIMS, claims());
        distribute(Extract.SUBSIDIES, subsidies());
        distribute(Extract.CERTIFICATES, certificates());
        distribute(Extract.REGISTRATIONS, registrations());
        distribute(Extract.MEDICAL, medical());
    }

    // ------------------------------------------------------------------------------------- triggers

    void beforeEmployer(int j, int total) {
        for (int s = 0; s < SLOTS; s++) {
            if (!employerSlotDone[s] && j >= (long) total * (s + 1) / 4) {
                employerSlotDone[s] = true;
                emit(Extract.EMPLOYERS, s);
            }
        }
    }

    void afterEmployers() {
        for (int s = 0; s < SLOTS; s++) {
            if (!employerSlotDone[s]) {
                employerSlotDone[s] = true;
                emit(Extract.EMPLOYERS, s);
            }
        }
    }

    void beforePerson(int i, int total) {
        for (int s = 0; s < SLOTS; s++) {
            if (!personSlotDone[s] && i >= (long) total * (s + 1) / 4) {
                personSlotDone[s] = true;
                for (Extract e : Extract.values()) {
                    if (e != Extract.EMPLOYERS) {
                        emit(e, s);
                    }
                }
            }
        }
    }

    /** After the baseline: slots not reached yet (tiny populations). */
    void afterPersons() {
        beforePerson(Integer.MAX_VALUE, 1);
    }

    /** At the very end: copies of a last good row that had no template when their slot came. */
    void finish() {
        List<Item> left = new ArrayList<>(pending);
        pending.clear();
        for (Item it : left) {
            if (out.sink(it.extract).last() == null) {
                mf.notes.add(it.extract.file + ": " + it.reason + " row left out (the file has no row to copy)");
                continue;
            }
            write(it);
        }
    }

    private void emit(Extract e, int slot) {
        if (!enabled || !slots.containsKey(e)) {
            return;
        }
        Sink sink = out.sink(e);
        // earlier copies first, while the file's last good row is still the template
        for (Item it : new ArrayList<>(pending)) {
            if (it.extract == e && sink.last() != null) {
                pending.remove(it);
                write(it);
            }
        }
        // ERROR rows: at most 3 % of a cautious estimate of the file's final size
        long good = sink.records() - written.getOrDefault(e, 0L);
        double done = (slot + 1) / 4.0;
        long remaining = e == Extract.EMPLOYERS
                ? Math.max(0, Baseline.employerRows(o.persons()) - good)
                : (long) (0.6 * good * (1 - done) / done);
        long budget = (good + remaining + planted.get(e)) * 3 / 100;
        List<Item> errs = errors.get(e);
        int target = (int) Math.min(budget, slot == SLOTS - 1 ? errs.size()
                : (long) Math.ceil(errs.size() * (slot + 1) / (double) SLOTS));
        int taken = errorsTaken.getOrDefault(e, 0);
        Item unbalanced = null;
        List<Item> now = new ArrayList<>();
        while (taken < target) {
            Item it = errs.get(taken++);
            if (it.fromLast != null) {
                now.add(0, it);
            } else if (it.unbalanced) {
                unbalanced = it;
            } else {
                now.add(it);
            }
        }
        errorsTaken.put(e, taken);
        now.addAll(slots.get(e).get(slot));
        if (unbalanced != null) {
            held.add(unbalanced);
        }
        if (slot == SLOTS - 1) {
            now.addAll(held.stream().filter(h -> h.extract == e).toList());
            held.removeIf(h -> h.extract == e);
            if (taken < errs.size()) {
                mf.notes.add(e.file + ": " + (errs.size() - taken) + " of " + errs.size()
                        + " ERROR rows left out to stay under 3 % of the file's rows");
            }
        }
        for (Item it : now) {
            if (it.fromLast != null && sink.last() == null) {
                pending.add(it);
            } else {
                write(it);
            }
        }
    }

    private void write(Item it) {
        Sink s = out.sink(it.extract);
        String[] keep = s.last();
        long line;
        String text;
        if (it.raw != null) {
            text = it.raw;
            line = s.raw(it.raw);
        } else {
            String[] f = it.fields != null ? it.fields : it.fromLast.apply(keep.clone());
            text = String.join(",", f);
            line = s.row(f);
        }
        s.setLast(keep);
        written.merge(it.extract, 1L, Long::sum);
        mf.bad(it.extract, line, text, it.severity, it.reason, it.column, it.note);
    }

    /** ERROR rows keep their priority order; valid and WARN rows are spread over the slots (quoted ones first). */
    private void distribute(Extract e, List<Item> items) {
        List<Item> errs = new ArrayList<>();
        List<List<Item>> s = new ArrayList<>();
        for (int k = 0; k < SLOTS; k++) {
            s.add(new ArrayList<>());
        }
        int rr = 0;
        for (Item it : items) {
            if (it.severity.equals("ERROR")) {
                errs.add(it);
            } else if (it.quoted) {
                s.get(0).add(it);
            } else {
                s.get(rr++ % SLOTS).add(it);
            }
        }
        errors.put(e, errs);
        slots.put(e, s);
    }

    // ---------------------------------------------------------------------------------------- helpers

    private Item item(Extract e, String severity, String reason, String column, String note, String... fields) {
        Item it = new Item(e, severity, reason, column, note);
        it.fields = fields;
        for (String f : fields) {
            if (f != null && (f.contains(",") || f.contains("\"") || f.contains("\n"))) {
                it.quoted = true;
            }
        }
        return it;
    }

    private Item raw(Extract e, String reason, String note, String raw, boolean unbalanced) {
        Item it = new Item(e, "ERROR", reason, "", note);
        it.raw = raw;
        it.unbalanced = unbalanced;
        return it;
    }

    private Item copy(Extract e, String note, UnaryOperator<String[]> f) {
        Item it = new Item(e, "ERROR", "DUPLICATE_KEY", "", note);
        it.fromLast = f;
        return it;
    }

    private Item okRow(Extract e, String note, String... fields) {
        return item(e, "OK", "-", "", note, fields);
    }

    private String person() {
        int c = Geo.pickCity(r);
        return ids.person(Geo.CITIES[c].district(r), LocalDate.of(1970 + r.nextInt(30), 1 + r.nextInt(12),
                1 + r.nextInt(28)), r.nextBoolean(), r);
    }

    private String personX() {
        return ids.personWithCheckX("210103", LocalDate.of(1984 + r.nextInt(10), 1 + r.nextInt(12),
                1 + r.nextInt(28)), true, r).toLowerCase();
    }

    private static String wrongCheck(String id) {
        char c = id.charAt(17);
        char w = c == '7' ? '3' : '7';
        return id.substring(0, 17) + w;
    }

    private String bornAfterAsOf() {
        String first17 = "210102" + Dates.compact(asOf.plusDays(40)) + "123";
        return first17 + Identifiers.personCheckChar(first17);
    }

    private static String badProvince() {
        String first17 = "990102198705064321".substring(0, 17);
        return first17 + Identifiers.personCheckChar(first17);
    }

    private String credit() {
        return ids.credit(Geo.CITIES[Geo.pickCity(r)].district(r), r);
    }

    /** A credit code registered in the region the row names. */
    private String credit(String region) {
        return ids.credit(Identifiers.normaliseRegion(region) != null ? region : "210102", r);
    }

    private static String wrongCreditCheck(String code) {
        char c = code.charAt(17);
        char w = c == 'A' ? 'B' : 'A';
        return code.substring(0, 17) + w;
    }

    private static String longText(String seed, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(seed);
        }
        return b.substring(0, length);
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    // -------------------------------------------------------------------------------------- employers

    private List<Item> employers() {
        Extract e = Extract.EMPLOYERS;
        List<Item> l = new ArrayList<>();
        l.add(raw(e, "BAD_CSV", "unbalanced quote: the name's quote never closes (the next lines must still load)",
                credit("210102") + ",\"沈阳未闭合引号商贸有限公司,210102,2019-05-06", true));
        l.add(item(e, "ERROR", "BAD_EMPLOYER_ID", "employer_id", "wrong GB 32100 check character",
                wrongCreditCheck(credit("210103")), "沈阳瑞丰商贸有限公司", "210103", "2018-04-02"));
        l.add(item(e, "ERROR", "MISSING_FIELD", "employer_name", "empty employer_name",
                credit("210104"), "", "210104", "2017-01-09"));
        l.add(item(e, "ERROR", "BAD_REGION", "region_code", "991234: 99 is not a province",
                credit("991234"), "大连盛通物流有限公司", "991234", "2016-06-01"));
        l.add(item(e, "ERROR", "BAD_TEXT", "employer_name", "employer_name of 201 characters (text(200))",
                credit("210106"), longText("沈阳超长名称机械制造有限公司", 201), "210106", "2015-03-03"));
        l.add(copy(e, "same employer_id as the previous row, lower case and padded with spaces",
                t -> new String[] {" " + t[0].toLowerCase() + " ", t[1] + "（重复）", t[2], t[3]}));
        l.add(item(e, "ERROR", "BAD_CSV", "", "wrong field count (5 fields)",
                credit("210702"), "锦州华达电气设备有限公司", "210702", "2014-08-08", "多余字段"));
        l.add(item(e, "WARN", "BAD_DATE", "enrolled_on", "2025-02-30 (optional date: loaded, nulled)",
                credit("210804"), "营口恒源化工有限公司", "210804", "2025-02-30"));
        l.add(okRow(e, "enrolled_on as yyyyMMdd", credit("210402"), "抚顺金安建筑工程有限公司", "210402", "20190315"));
        l.add(okRow(e, "enrolled_on as yyyy/MM/dd", credit("210603"), "丹东新航物流有限公司", "210603", "2018/07/01"));
        l.add(okRow(e, "quoted name with a comma", credit("210102"), "沈阳恒信企业管理咨询有限公司,和平分公司", "210102", "2020-11-11"));
        l.add(okRow(e, "quoted name with doubled quotes", credit("210103"), "沈阳\"金鼎\"餐饮管理有限公司", "210103",
                "2021-02-02"));
        l.add(okRow(e, "employer_id in lower case, region padded with spaces",
                credit("210211").toLowerCase(), "大连嘉和软件有限公司", " 210211 ", "2016-10-10"));
        l.add(okRow(e, "city-level region code", credit("210200"), "大连宏达超市有限公司", "210200", "2013-05-20"));
        return l;
    }

    // ---------------------------------------------------------------------------------- contributions

    private List<Item> contributions() {
        Extract e = Extract.CONTRIBUTIONS;
        String p = Dates.period(mD - 2);
        String emp = refEmployer;
        String reg = refRegion;
        List<Item> l = new ArrayList<>();
        l.add(raw(e, "BAD_CSV",
                "unbalanced quote: the employer_id's quote never closes (the next lines must still load)",
                person() + ",\"" + emp + "," + p + "," + reg + ",5000.00,50.00", true));
        l.add(item(e, "ERROR", "BAD_CSV", "", "wrong field count (7 fields)",
                person(), emp, p, reg, "5200.00", "52.00", "52.00"));
        l.add(raw(e, "BAD_CSV", "text after a closing quote (\"ab\"c)",
                "\"" + person() + "\"7," + emp + "," + p + "," + reg + ",5300.00,53.00", false));
        l.add(raw(e, "BAD_CSV", "quote inside an unquoted field",
                person() + "," + emp + "," + p.substring(0, 6) + "\"" + p.substring(6) + "," + reg + ",5400.00,54.00",
                false));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "wrong GB 11643 check character",
                wrongCheck(person()), emp, p, reg, "5500.00", "55.00"));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "15-digit legacy number",
                "210102850312123", emp, p, reg, "5600.00", "56.00"));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id",
                "birth date after the as-of date (check character correct)",
                bornAfterAsOf(), emp, p, reg, "5700.00", "57.00"));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "99 is not a province (check character correct)",
                badProvince(), emp, p, reg, "5800.00", "58.00"));
        String c = credit();
        l.add(item(e, "ERROR", "BAD_EMPLOYER_ID", "employer_id", "letter O is not in the GB 32100 alphabet",
                person(), c.substring(0, 10) + "O" + c.substring(11), p, reg, "5900.00", "59.00"));
        l.add(item(e, "ERROR", "BAD_PERIOD", "period", "2025-13", person(), emp, "2025-13", reg, "6000.00", "60.00"));
        l.add(item(e, "ERROR", "BAD_PERIOD", "period", "1998-12: before 1999-01",
                person(), emp, "1998-12", reg, "6100.00", "61.00"));
        l.add(item(e, "ERROR", "BAD_REGION", "region_code", "5 digits", person(), emp, p, "21010", "6200.00", "62.00"));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "wage_base", "1e3", person(), emp, p, reg, "1e3", "10.00"));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "amount", ".5", person(), emp, p, reg, "6300.00", ".5"));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "amount", "+5", person(), emp, p, reg, "6400.00", "+5"));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "amount", "three decimals", person(), emp, p, reg, "6500.00", "65.005"));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "wage_base", "negative", person(), emp, p, reg, "-6600.00", "66.00"));
        l.add(item(e, "ERROR", "MISSING_FIELD", "amount", "empty amount", person(), emp, p, reg, "6700.00", ""));
        l.add(item(e, "ERROR", "MISSING_FIELD", "person_id", "empty person_id", "", emp, p, reg, "6800.00", "68.00"));
        l.add(copy(e, "same person, employer and period as the previous row, period written yyyyMM",
                t -> new String[] {t[0], t[1], t[2].replace("-", ""), t[3], t[4], "99.99"}));
        l.add(okRow(e, "person_id with a lower-case x check character", personX(), emp, p, reg, "6900.00", "69.00"));
        l.add(okRow(e, "period as yyyyMM", person(), emp, Dates.periodCompact(mD - 3), reg, "7000.00", "70.00"));
        l.add(okRow(e, "values padded with spaces", "  " + person() + " ", emp, " " + p + " ", reg, " 7100.00",
                "71.00 "));
        Item blank = okRow(e, "blank line (skipped: not a row, not counted)");
        blank.fields = null;
        blank.raw = "";
        l.add(blank);
        return l;
    }

    // ----------------------------------------------------------------------------------------- claims

    private String[] claim(String id, String pid, String name, String sep, String reason, String app, String status,
                           String dec, String reject, String bs, String be, String monthly, String ret, String phone,
                           String account, String reg) {
        return new String[] {id, pid, name, refRegion, refEmployer, sep, reason, app, status, dec, reject, bs, be,
            monthly, ret, phone, account, reg};
    }

    private List<Item> claims() {
        Extract e = Extract.CLAIMS;
        List<Item> l = new ArrayList<>();
        LocalDate old = asOf.minusDays(500);
        LocalDate oldApp = old.plusDays(8);
        String sep = iso(old);
        String app = iso(oldApp);
        String dec = iso(WorkCalendar.addWorkingDays(oldApp, 4));
        String bs = app;
        String be = iso(oldApp.plusMonths(3).minusDays(1));
        l.add(item(e, "ERROR", "INCONSISTENT", "application_date", "application_date before separation_date",
                claim(ids.claimId(refRegion, oldApp), person(), "王建国", iso(old.plusDays(20)), "CONTRACT_EXPIRED",
                        app, "WITHDRAWN", null, null, null, null, null, null, "13912340001", null, "Y")));
        l.add(item(e, "ERROR", "INCONSISTENT", "decision_date", "APPROVED claim without decision_date",
                claim(ids.claimId(refRegion, oldApp), person(), "李秀英", sep, "MUTUAL_AGREEMENT", app, "APPROVED",
                        null, null, bs, be, "1890.00", null, "13912340002", null, "Y")));
        l.add(copy(e, "same claim_id as the previous row, dates written yyyyMMdd", t -> {
            for (int k : new int[] {5, 7, 9, 11, 12}) {
                if (t[k] != null && t[k].length() == 10) {
                    t[k] = t[k].replace("-", "");
                }
            }
            return t;
        }));
        l.add(item(e, "ERROR", "BAD_ENUM", "status", "status PAID (not a claim status)",
                claim(ids.claimId(refRegion, oldApp), person(), "张伟", sep, "CONTRACT_EXPIRED", app, "PAID", dec,
                        null, bs, be, "1890.00", null, "13912340003", null, "Y")));
        l.add(item(e, "ERROR", "BAD_DATE", "separation_date", "2025-02-30",
                claim(ids.claimId(refRegion, oldApp), person(), "刘洋", "2025-02-30", "CONTRACT_EXPIRED", app,
                        "WITHDRAWN", null, null, null, null, null, null, "13912340004", null, "Y")));
        l.add(item(e, "ERROR", "MISSING_FIELD", "person_name", "empty person_name",
                claim(ids.claimId(refRegion, oldApp), person(), "", sep, "CONTRACT_EXPIRED", app, "WITHDRAWN",
                        null, null, null, null, null, null, "13912340005", null, "Y")));
        String[] wide = new String[19];
        System.arraycopy(claim(ids.claimId(refRegion, oldApp), person(), "陈静", sep, "CONTRACT_EXPIRED", app,
                "WITHDRAWN", null, null, null, null, null, null, "13912340006", null, "Y"), 0, wide, 0, 18);
        wide[18] = "多余字段";
        l.add(item(e, "ERROR", "BAD_CSV", "", "wrong field count (19 fields)", wide));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "15-digit legacy number",
                claim(ids.claimId(refRegion, oldApp), "210103760415231", "杨帆", sep, "CONTRACT_EXPIRED", app,
                        "WITHDRAWN", null, null, null, null, null, null, "13912340007", null, "Y")));
        l.add(item(e, "ERROR", "BAD_TEXT", "claim_id", "claim_id of 41 characters (text(40))",
                claim(longText("2101022025071300012345", 41), person(), "赵磊", sep, "CONTRACT_EXPIRED", app,
                        "WITHDRAWN", null, null, null, null, null, null, "13912340008", null, "Y")));
        l.add(raw(e, "BAD_CSV", "unbalanced quote in person_name",
                ids.claimId(refRegion, oldApp) + "," + person() + ",\"孙丽," + refRegion + "," + refEmployer + ","
                        + sep + ",CONTRACT_EXPIRED," + app + ",WITHDRAWN,,,,,,,13912340009,,Y", true));

        // WARN: loaded with one field nulled
        LocalDate recent = asOf.minusDays(75);
        LocalDate recentApp = recent.plusDays(6);
        l.add(item(e, "WARN", "BAD_PHONE", "phone",
                "10-digit phone (nulled); in scope, no contributions: must still be screened (LN-04, NAT-03)",
                claim(ids.claimId(refRegion, recentApp), person(), "周志强", iso(recent), "EMPLOYER_TERMINATED",
                        iso(recentApp), "PAYING", iso(WorkCalendar.addWorkingDays(recentApp, 4)), null, iso(recentApp),
                        iso(recentApp.plusMonths(12).minusDays(1)), "1890.00", null, "1381234567", null, "Y")));
        l.add(item(e, "WARN", "BAD_ACCOUNT", "bank_account", "letters in the account number",
                claim(ids.claimId(refRegion, oldApp), person(), "吴敏", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", null, "13912340010", "6222 0212 ABCD 1234", "Y")));
        String male = ids.person("210105", LocalDate.of(1979, 3, 8), true, r);
        String male2 = ids.person("210105", LocalDate.of(1981, 9, 18), true, r);
        l.add(item(e, "WARN", "BAD_ENUM", "retirement_category", "M65",
                claim(ids.claimId(refRegion, oldApp), male, "郭斌", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", "M65", "13912340011", null, "Y")));
        l.add(item(e, "WARN", "INCONSISTENT", "retirement_category", "F50 for a man (gender digit odd)",
                claim(ids.claimId(refRegion, oldApp), male2, "马超", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", "F50", "13912340012", null, "Y")));
        l.add(item(e, "WARN", "INCONSISTENT", "benefit_end", "benefit_end before benefit_start",
                claim(ids.claimId(refRegion, oldApp), person(), "高红", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, iso(oldApp.minusDays(3)), "1890.00", null, "13912340013", null, "Y")));
        l.add(item(e, "WARN", "BAD_AMOUNT", "monthly_benefit", "1,890.00 (thousands separator)",
                claim(ids.claimId(refRegion, oldApp), person(), "林涛", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1,890.00", null, "13912340014", null, "Y")));
        l.add(item(e, "WARN", "BAD_ENUM", "registered_unemployed", "是 (not Y/N)",
                claim(ids.claimId(refRegion, oldApp), person(), "何丹", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", null, "13912340015", null, "是")));

        // valid, written unusually
        l.add(okRow(e, "status and separation_reason in lower case",
                claim(ids.claimId(refRegion, oldApp), person(), "徐颖", sep, "contract_expired", app, "ended", dec,
                        null, bs, be, "1890.00", null, "13912340016", null, "y")));
        l.add(okRow(e, "person_id with a lower-case x check character",
                claim(ids.claimId(refRegion, oldApp), personX(), "朱海", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", "M60", "13912340017", null, "Y")));
        l.add(okRow(e, "dates as yyyyMMdd and yyyy/MM/dd",
                claim(ids.claimId(refRegion, oldApp), person(), "韩梅", Dates.compact(old), "EMPLOYER_CLOSED",
                        Dates.compact(oldApp), "ENDED", Dates.slashed(WorkCalendar.addWorkingDays(oldApp, 4)), null,
                        Dates.slashed(oldApp), Dates.slashed(oldApp.plusMonths(3).minusDays(1)), "1890.00", null,
                        "13912340018", null, "Y")));
        l.add(okRow(e, "phone +86 138-1234-5678 (normalised 13812345678)",
                claim(ids.claimId(refRegion, oldApp), person(), "曹磊", sep, "CONTRACT_EXPIRED", app, "ENDED", dec,
                        null, bs, be, "1890.00", null, "+86 138-1234-5678", "6217 0012 3456 7890 123", "Y")));
        l.add(okRow(e, "quoted reject_reason with a comma and a line break",
                claim(ids.claimId(refRegion, oldApp), person(), "田园", sep, "OTHER_INVOLUNTARY", app, "REJECTED", dec,
                        "申请材料不全,\n请补充劳动合同解除证明", null, null, null, null, "13912340019", null, "N")));
        l.add(okRow(e, "values padded with spaces",
                claim(ids.claimId(refRegion, oldApp), person(), " 宋佳 ", sep, " MUTUAL_AGREEMENT ", app, " ENDED ",
                        dec, null, bs, be, " 1890.00 ", null, " 139 1234 0020 ", null, "Y")));
        return l;
    }

    // -------------------------------------------------------------------------------------- subsidies

    private String[] subsidy(String id, String pid, String type, String employer, String job, String cert,
                             String certType, String occ, String level, String issue, String amount, String app,
                             String status, String paid) {
        return new String[] {id, pid, type, employer, refRegion, job, cert, certType, occ, level, issue, "ORG21010001",
            amount, app, status, paid};
    }

    private List<Item> subsidies() {
        Extract e = Extract.SUBSIDIES;
        List<Item> l = new ArrayList<>();
        LocalDate issue = asOf.minusDays(480);
        LocalDate appD = asOf.minusDays(400);
        String is = iso(issue);
        String app = iso(appD);
        String paid = iso(appD.plusDays(30));
        l.add(item(e, "ERROR", "INCONSISTENT", "paid_date", "PAID without paid_date",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000002", "SKILL_LEVEL", "6-18-01-01", "4", is, "1500.00", app,
                        "PAID", null)));
        l.add(item(e, "ERROR", "INCONSISTENT", "application_date", "application before the certificate's issue",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000004", "SKILL_LEVEL", "6-18-01-01", "4", is, "1500.00",
                        iso(issue.minusDays(10)), "RECEIVED", null)));
        l.add(item(e, "ERROR", "BAD_OCCUPATION", "occupation_code", "6-18-1-01",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000001", "SKILL_LEVEL", "6-18-1-01", "4", is, "1500.00", app,
                        "RECEIVED", null)));
        l.add(item(e, "ERROR", "BAD_ENUM", "level", "level 04",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000003", "SKILL_LEVEL", "6-18-01-01", "04", is, "1500.00", app,
                        "RECEIVED", null)));
        l.add(item(e, "ERROR", "BAD_ENUM", "applicant_type", "RETIREE",
                subsidy(ids.subsidyId(refRegion, appD), person(), "RETIREE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000005", "SKILL_LEVEL", "6-18-01-01", "4", is, "1500.00", app,
                        "RECEIVED", null)));
        l.add(copy(e, "same application_id as the previous row, dates written yyyyMMdd", t -> {
            for (int k : new int[] {10, 13, 15}) {
                if (t[k] != null && t[k].length() == 10) {
                    t[k] = t[k].replace("-", "");
                }
            }
            return t;
        }));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "amount", "1e3",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000006", "SKILL_LEVEL", "6-18-01-01", "5", is, "1e3", app,
                        "RECEIVED", null)));
        l.add(item(e, "ERROR", "BAD_TEXT", "application_id", "application_id of 41 characters (text(40))",
                subsidy(longText("JN210102202507130000", 41), person(), "EMPLOYEE", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000007", "SKILL_LEVEL", "6-18-01-01", "4", is, "1500.00", app,
                        "RECEIVED", null)));
        l.add(item(e, "WARN", "BAD_OCCUPATION", "job_occupation_code", "61801 (optional: loaded, nulled)",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", refEmployer, "61801",
                        "S2101" + issue.getYear() + "90000008", "SKILL_LEVEL", "6-18-01-01", "4", is, "1500.00", app,
                        "RECEIVED", null)));
        l.add(item(e, "WARN", "BAD_EMPLOYER_ID", "employer_id", "wrong check character (optional: loaded, nulled)",
                subsidy(ids.subsidyId(refRegion, appD), person(), "EMPLOYEE", wrongCreditCheck(refEmployer),
                        "6-18-01-01", "S2101" + issue.getYear() + "90000009", "SKILL_LEVEL", "6-18-01-01", "4", is,
                        "1500.00", app, "RECEIVED", null)));
        l.add(okRow(e, "enums in lower case, amount without decimals, dates yyyy/MM/dd",
                subsidy(ids.subsidyId(refRegion, appD), person(), "employee", refEmployer, "6-18-01-01",
                        "S2101" + issue.getYear() + "90000010", "skill_level", "6-18-01-01", "4", Dates.slashed(issue),
                        "1500", Dates.slashed(appD), "received", null)));
        return l;
    }

    // ----------------------------------------------------------------------------------- certificates

    private List<Item> certificates() {
        Extract e = Extract.CERTIFICATES;
        List<Item> l = new ArrayList<>();
        LocalDate issue = asOf.minusDays(700);
        String is = iso(issue);
        String y = Integer.toString(issue.getYear());
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "wrong GB 11643 check character",
                "S2101" + y + "91000001", wrongCheck(person()), "SKILL_LEVEL", "6-18-01-01", "4", is,
                "ORG21010001", "210102", "VALID"));
        l.add(item(e, "ERROR", "BAD_ENUM", "status", "EXPIRED",
                "S2101" + y + "91000002", person(), "SKILL_LEVEL", "6-18-01-01", "4", is, "ORG21010001", "210102",
                "EXPIRED"));
        l.add(item(e, "ERROR", "BAD_ENUM", "level", "level 6",
                "S2101" + y + "91000003", person(), "SKILL_LEVEL", "6-18-01-01", "6", is, "ORG21010001", "210102",
                "VALID"));
        l.add(item(e, "ERROR", "BAD_DATE", "issue_date", "2025-02-30",
                "S2101" + y + "91000004", person(), "SKILL_LEVEL", "6-18-01-01", "4", "2025-02-30", "ORG21010001",
                "210102", "VALID"));
        l.add(item(e, "ERROR", "BAD_REGION", "issuing_region_code", "2102 (4 digits)",
                "S2102" + y + "91000005", person(), "SKILL_LEVEL", "6-18-01-01", "4", is, "ORG21020001", "2102",
                "VALID"));
        l.add(item(e, "ERROR", "BAD_TEXT", "certificate_no", "certificate_no of 41 characters (text(40))",
                longText("S2101" + y + "91000006", 41), person(), "SKILL_LEVEL", "6-18-01-01", "4", is,
                "ORG21010001", "210102", "VALID"));
        l.add(copy(e, "same certificate_no as the previous row, lower case and padded", t -> {
            t[0] = " " + t[0].toLowerCase() + " ";
            return t;
        }));
        l.add(item(e, "ERROR", "MISSING_FIELD", "issuing_org_id", "empty issuing_org_id",
                "S2101" + y + "91000007", person(), "SKILL_LEVEL", "6-18-01-01", "4", is, "", "210102", "VALID"));
        l.add(item(e, "ERROR", "BAD_CSV", "", "wrong field count (8 fields)",
                "S2101" + y + "91000008", person(), "SKILL_LEVEL", "6-18-01-01", "4", is, "ORG21010001", "210102"));
        l.add(item(e, "ERROR", "BAD_OCCUPATION", "occupation_code", "6-18-01 (three segments)",
                "S2101" + y + "91000009", person(), "SKILL_LEVEL", "6-18-01", "4", is, "ORG21010001", "210102",
                "VALID"));
        l.add(okRow(e, "certificate_no and status in lower case, issue_date yyyyMMdd, level padded",
                "s2101" + y + "91000010", person(), "skill_level", "6-18-01-02", " 4 ", Dates.compact(issue),
                "ORG21010001", "210102", "valid"));
        return l;
    }

    // ---------------------------------------------------------------------------------- registrations

    private List<Item> registrations() {
        Extract e = Extract.REGISTRATIONS;
        List<Item> l = new ArrayList<>();
        LocalDate on = asOf.minusDays(300);
        l.add(copy(e, "same person and registered_on as the previous row, date written yyyyMMdd", t -> {
            if (t[2] != null && t[2].length() == 10) {
                t[2] = t[2].replace("-", "");
            }
            return t;
        }));
        l.add(item(e, "ERROR", "BAD_DATE", "registered_on", "2025-02-30", person(), refRegion, "2025-02-30", null));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "birth date after the as-of date",
                bornAfterAsOf(), refRegion, iso(on), null));
        l.add(item(e, "ERROR", "MISSING_FIELD", "registered_on", "empty registered_on", person(), refRegion, "", null));
        l.add(item(e, "ERROR", "BAD_REGION", "region_code", "000000", person(), "000000", iso(on), null));
        l.add(item(e, "ERROR", "BAD_CSV", "", "wrong field count (3 fields)", person(), refRegion, iso(on)));
        l.add(item(e, "WARN", "INCONSISTENT", "ended_on", "ended_on before registered_on (loaded, ended_on nulled)",
                person(), refRegion, iso(on), iso(on.minusDays(20))));
        l.add(item(e, "WARN", "BAD_DATE", "ended_on", "2025-13-01 (optional: loaded, nulled)",
                person(), refRegion, iso(on), "2025-13-01"));
        l.add(okRow(e, "registered_on as yyyy/MM/dd, person_id with lower-case x",
                personX(), refRegion, Dates.slashed(on), null));
        return l;
    }

    // ---------------------------------------------------------------------------------------- medical

    private List<Item> medical() {
        Extract e = Extract.MEDICAL;
        List<Item> l = new ArrayList<>();
        String p = Dates.period(mD - 4);
        l.add(item(e, "ERROR", "BAD_ENUM", "payer", "EMPLOYER", person(), p, "EMPLOYER", "452.80", refRegion));
        l.add(item(e, "ERROR", "BAD_PERIOD", "period", "2026-00", person(), "2026-00", "AGENCY", "452.80", refRegion));
        l.add(item(e, "ERROR", "BAD_AMOUNT", "amount", "1e3", person(), p, "SELF", "1e3", refRegion));
        l.add(item(e, "ERROR", "MISSING_FIELD", "region_code", "empty region_code", person(), p, "AGENCY", "452.80",
                ""));
        l.add(copy(e, "same person, period and payer as the previous row: period yyyyMM, payer lower case",
                t -> new String[] {t[0], t[1].replace("-", ""), t[2].toLowerCase(), "1.00", t[4]}));
        l.add(item(e, "ERROR", "BAD_PERSON_ID", "person_id", "15-digit legacy number",
                "210104790101452", p, "AGENCY", "452.80", refRegion));
        l.add(raw(e, "BAD_CSV", "unbalanced quote in amount",
                person() + "," + p + ",SELF,\"480.00," + refRegion, true));
        l.add(okRow(e, "payer in lower case, period as yyyyMM", person(), Dates.periodCompact(mD - 5), "self",
                "512.00", refRegion));
        return l;
    }
}
