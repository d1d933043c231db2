package org.fundguard.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code --plant-rules}: small, deterministic groups of rows that make every screening rule of rules.md
 * fire at the as-of date D, next to near-miss groups that sit just below (or just outside) the
 * threshold and must not fire. Every group is relative to D (except SVC-06, whose cohort is fixed by
 * 2024-12-31) and uses its own employers and persons, so the baseline never changes the outcome; the
 * one exception is SKL-06 (a city-level total), which {@link #surge} plants last, measured against
 * everything written before it. Each case is recorded in the {@link Manifest}.
 *
 * <p>Rows are built in memory (a few thousand) before the baseline streams, and written after it.
 */
final class Planter {
    private static final String SUSPICIOUS = "经核查劳动关系存疑，不予核准";

    /** A planted employer. */
    static final class PEmp {
        final String id;
        final String region;
        final int industry;
        int claimants;
        final List<PPerson> staff = new ArrayList<>();

        PEmp(String id, String region, int industry) {
            this.id = id;
            this.region = region;
            this.industry = industry;
        }

        String city4() {
            return region.substring(0, 4);
        }
    }

    /** A planted person. */
    static final class PPerson {
        final String id;
        final String name;
        final boolean male;
        final String job;
        final long wageYuan;
        PEmp employer;
        boolean used;

        PPerson(String id, String name, boolean male, String job, long wageYuan) {
            this.id = id;
            this.name = name;
            this.male = male;
            this.job = job;
            this.wageYuan = wageYuan;
        }
    }

    /** A planted evaluation organisation. */
    record Org(String id, String region) {
    }

    /** A registry certificate, as written to certificates.csv. */
    record Cert(String no, String type, String occupation, int level, LocalDate issue, Org org) {
    }

    private final Options o;
    private final Ids ids;
    private final Manifest mf;
    private final Out.Buffer b;
    private final LocalDate d;
    private final int mD;
    private final SplittableRandom r;
    private final List<PEmp> normal = new ArrayList<>();
    private final Set<String> registered = new HashSet<>();
    private final Set<String> medicalKeys = new HashSet<>();

    Planter(Options o, Ids ids, Manifest mf, Out.Buffer buffer) {
        this.o = o;
        this.ids = ids;
        this.mf = mf;
        this.b = buffer;
        this.d = o.asOf();
        this.mD = o.asOfMonth();
        this.r = Rng.of(o.seed(), 11, 0);
    }

    void plant() {
        for (String p : new String[] {"13940001234", "13940005678", "15840002468", "15840001357"}) {
            ids.reservePhone(p);
        }
        pool();
        ln01();
        ln02();
        ln03();
        ln04();
        nat01();
        nat02();
        nat03();
        nat0405();
        nat06();
        nat07();
        svc01();
        svc02();
        svc03();
        svc04();
        svc05();
        svc06();
        svc07();
        skl01();
        skl02();
        skl03();
        skl04();
        skl05();
        skl07();
        skl08();
    }

    // ------------------------------------------------------------------------------------- building

    private PEmp emp(String region, int industry, LocalDate enrolled) {
        String id = ids.credit(region, r);
        PEmp e = new PEmp(id, region, industry);
        b.add(Extract.EMPLOYERS, id, Lexicon.employerName(Geo.city(region), industry, r), region,
                enrolled == null ? null : enrolled.toString());
        return e;
    }

    private PPerson person(String city4, int industry) {
        return person(city4, industry, null, r.nextInt(100) < 55);
    }

    private PPerson person(String city4, int industry, LocalDate birth, boolean male) {
        Geo.City c = Geo.city(city4 + "00");
        LocalDate born = birth != null ? birth
                : d.minusYears(23 + r.nextInt(30)).minusDays(r.nextInt(365));
        String id = ids.person(c.district(r), born, male, r);
        long wage = (c.wageMedian - 1500 + r.nextInt(3500)) / 10 * 10;
        return new PPerson(id, Lexicon.personName(male, r), male, Lexicon.job(industry, r), wage);
    }

    private PPerson person(PEmp e) {
        return person(e.city4(), e.industry);
    }

    /** Contribution rows of p with e for the months from..to (inclusive). */
    private void work(PPerson p, PEmp e, int from, int to) {
        for (int m = from; m <= to; m++) {
            b.add(Extract.CONTRIBUTIONS, p.id, e.id, Dates.period(m), e.region, Dates.money(p.wageYuan * 100),
                    Dates.money(p.wageYuan));
        }
        if (p.employer == null) {
            p.employer = e;
        }
    }

    /**
     * Twenty-four ordinary employers with five long-standing staff each (24 months of contributions up to
     * D): the claimants of the single-person cases are spread over them (at most three per employer,
     * so LN-03 and NAT-02 stay quiet), and their staff apply for the SKL cases.
     */
    private void pool() {
        String[] regions = {"210102", "210103", "210104", "210105", "210106", "210112", "210202", "210203", "210204",
            "210211", "210213", "210302", "210303", "210402", "210702", "210804", "210602", "211002", "211103",
            "211202", "210111", "210113", "210212", "210304"};
        int[] industries = {Lexicon.MACHINERY, Lexicon.TRADE, Lexicon.ELECTRIC, Lexicon.CATERING,
            Lexicon.CONSTRUCTION, Lexicon.LOGISTICS, Lexicon.CARE};
        for (int k = 0; k < regions.length; k++) {
            PEmp e = emp(regions[k], industries[k % industries.length], LocalDate.of(2008 + k % 10, 1 + k % 12, 10));
            normal.add(e);
            for (int s = 0; s < 5; s++) {
                PPerson p = person(e);
                work(p, e, mD - 23, mD);
                e.staff.add(p);
            }
        }
    }

    /** An ordinary employer that can take n more claimants (at most 3 in all). */
    private PEmp claimEmp(int n) {
        for (PEmp e : normal) {
            if (e.claimants + n <= 3) {
                e.claimants += n;
                return e;
            }
        }
        throw new IllegalStateException("planted employer pool exhausted");
    }

    /** Another ordinary employer (for earlier or later jobs; takes no claimant). */
    private PEmp otherEmp(PEmp not) {
        PEmp e;
        do {
            e = normal.get(r.nextInt(normal.size()));
        } while (e == not);
        return e;
    }

    /** A claimant at employer e who has worked there from 24 months before D until the separation month. */
    private PPerson claimant(PEmp e, LocalDate sep) {
        PPerson p = person(e);
        work(p, e, mD - 23, Dates.month(sep));
        return p;
    }

    /** An unused staff member, optionally of a given city. */
    private PPerson staff(String city4) {
        for (PEmp e : normal) {
            if (city4 != null && !e.city4().equals(city4)) {
                continue;
            }
            for (PPerson p : e.staff) {
                if (!p.used) {
                    p.used = true;
                    return p;
                }
            }
        }
        throw new IllegalStateException("no staff left in " + city4);
    }

    /** A claim under construction. */
    final class C {
        final PPerson p;
        final PEmp e;
        String region;
        LocalDate sep;
        String reason = "CONTRACT_EXPIRED";
        LocalDate app;
        String status;
        LocalDate dec;
        String reject;
        LocalDate bs;
        LocalDate be;
        String ret;
        String phone;
        String account;
        String regFlag = "Y";
        boolean register = true;
        boolean medical = true;
        String id;

        C(PPerson p, PEmp e, LocalDate sep, LocalDate app) {
            this.p = p;
            this.e = e;
            this.region = e.region;
            this.sep = sep;
            this.app = app;
            this.phone = ids.phone(r);
            this.account = Ids.bankAccount(r);
            paid(12);
        }

        private LocalDate decision() {
            LocalDate x = WorkCalendar.addWorkingDays(app, 4);
            return x.isAfter(d) ? Dates.max(app, d) : x;
        }

        /** Approved from the application day for n months: PAYING, or ENDED when that is over by D. */
        C paid(int months) {
            dec = decision();
            bs = app;
            be = app.plusMonths(months).minusDays(1);
            status = be.isBefore(d) ? "ENDED" : "PAYING";
            reject = null;
            return this;
        }

        C approved() {
            paid(12);
            status = "APPROVED";
            return this;
        }

        C ended(LocalDate end) {
            dec = decision();
            bs = app;
            be = end;
            status = "ENDED";
            return this;
        }

        C suspended(LocalDate end) {
            ended(end);
            status = "SUSPENDED";
            return this;
        }

        C rejected(String why) {
            dec = decision();
            bs = null;
            be = null;
            status = "REJECTED";
            reject = why;
            return this;
        }

        C received() {
            dec = null;
            bs = null;
            be = null;
            status = "RECEIVED";
            return this;
        }

        C withdrawn() {
            received();
            status = "WITHDRAWN";
            return this;
        }

        C decided(LocalDate x) {
            dec = x;
            return this;
        }

        boolean isPaid() {
            return status.equals("APPROVED") || status.equals("PAYING") || status.equals("SUSPENDED")
                    || status.equals("ENDED");
        }

        String add() {
            id = ids.claimId(region, app);
            Geo.City city = Geo.city(region);
            b.add(Extract.CLAIMS, id, p.id, p.name, region, e.id, sep.toString(), reason, app.toString(), status,
                    Dates.iso(dec), reject, Dates.iso(bs), Dates.iso(be),
                    isPaid() ? Dates.money(city.benefitCents) : null, ret, phone, account, regFlag);
            boolean liaoning = region.startsWith("21");
            if (register && liaoning && !status.equals("WITHDRAWN")) {
                LocalDate end = (status.equals("ENDED") || status.equals("SUSPENDED")) && !be.plusDays(5).isAfter(d)
                        ? be.plusDays(5) : null;
                registration(p, region, app, end);
            }
            if (medical && liaoning && isPaid()) {
                for (int m = Dates.month(bs); m <= Dates.month(Dates.min(be, d)); m++) {
                    medical(p, m, "AGENCY", Geo.medicalCents(city, m / 12), region);
                }
            }
            return id;
        }
    }

    private C claim(PPerson p, PEmp e, LocalDate sep, LocalDate app) {
        return new C(p, e, sep, app);
    }

    private void registration(PPerson p, String region, LocalDate on, LocalDate end) {
        if (registered.add(p.id + "|" + on)) {
            b.add(Extract.REGISTRATIONS, p.id, region, on.toString(), Dates.iso(end));
        }
    }

    private void medical(PPerson p, int month, String payer, long cents, String region) {
        if (medicalKeys.add(p.id + "|" + month + "|" + payer)) {
            b.add(Extract.MEDICAL, p.id, Dates.period(month), payer, Dates.money(cents), region);
        }
    }

    private void rule(String rule, boolean fire, String entity, String id, String note) {
        mf.rule(rule, fire, entity, id, note);
    }

    // ------------------------------------------------------------------------------ claims: LN rules

    /**
     * LN-01 (insured_months < 6 and cum_claimants >= 50): young employer A (5 insured months in all)
     * with exactly 50 claimants fires; young employer B with 49 live claimants, one WITHDRAWN and one
     * applied after D does not. Both have 100 insured persons so LN-03 sits exactly at its threshold
     * (50 > 100 × 0.5 is false); separations 3.5 days apart keep NAT-01 (10 in 30 days) and LN-02
     * (10 in a month) below threshold; at most 20 paid claims keep NAT-02 (> 30) quiet. The employer
     * pays contributions for 5 months only, so insured_months stays below 6 for every claim.
     */
    private void ln01() {
        LocalDate start = d.minusDays(185);
        int mS = Dates.month(start);
        for (int g = 0; g < 2; g++) {
            boolean fire = g == 0;
            PEmp e = emp(fire ? "210106" : "210114", Lexicon.HR, Dates.first(mS).minusDays(12));
            int claims = fire ? 50 : 51;
            for (int k = 0; k < claims; k++) {
                PPerson p = person(e);
                LocalDate sep = start.plusDays(k * 7L / 2);
                C c = claim(p, e, sep, sep.plusDays(2));
                if (!fire && k == 50) { // applied after D: not counted
                    c.sep = d.minusDays(1);
                    c.app = d.plusDays(2);
                    c.received();
                } else if (!fire && k == 49) {
                    c.withdrawn();
                } else if (c.app.isAfter(d.minusDays(12))) {
                    c.received();
                } else if (k % 5 < 2) {
                    c.paid(6);
                } else {
                    c.rejected(SUSPICIOUS);
                }
                work(p, e, mS, Math.min(Dates.month(c.sep), mS + 4));
                c.add();
            }
            for (int k = 0; k < (fire ? 50 : 49); k++) {
                work(person(e), e, mS, mS + 4);
            }
            rule("LN-01", fire, "employer", e.id, fire
                    ? "insured 5 months, 50 claimants (threshold 50): all 50 claims flagged"
                    : "insured 5 months, 49 live claimants + 1 WITHDRAWN + 1 applied after D");
            rule("LN-03", false, "employer", e.id, "n = " + (fire ? 50 : 49) + " of headcount 100: not > 50");
        }
    }

    /**
     * LN-02 (>= 10 claimants applying in one month): employer A has exactly 10 in month D−2 (fires);
     * employer B has 9 live + 1 WITHDRAWN in that month and a 10th on the 1st of the next month (does
     * not). Headcount 40 keeps LN-03 (> 20) and NAT-02 (paid > 12) quiet; separations 4 days apart keep
     * NAT-01 below 10 in 30 days.
     */
    private void ln02() {
        int mC = mD - 2;
        LocalDate first = Dates.first(mC);
        for (int g = 0; g < 2; g++) {
            boolean fire = g == 0;
            PEmp e = emp(fire ? "210211" : "210204", Lexicon.MACHINERY, LocalDate.of(2006, 4, 18));
            for (int k = 0; k < 30; k++) {
                work(person(e), e, mD - 13, mD);
            }
            for (int k = 0; k < (fire ? 10 : 11); k++) {
                LocalDate sep = first.minusDays(38).plusDays(4L * k);
                LocalDate app = k == 10 ? Dates.first(mC + 1) : first.plusDays(2L * k);
                PPerson p = person(e);
                work(p, e, mD - 13, Dates.month(sep));
                C c = claim(p, e, sep, app);
                if (!fire && k == 9) {
                    c.withdrawn();
                } else if (k % 4 == 3) {
                    c.rejected(Lexicon.REJECT_REASONS[0]);
                }
                c.reason = "EMPLOYER_TERMINATED";
                c.add();
            }
            rule("LN-02", fire, "employer+month", e.id + " " + Dates.period(mC), fire
                    ? "10 claimants applied in the month (threshold 10)"
                    : "9 live + 1 WITHDRAWN in the month, the 10th applied on the 1st of the next month");
        }
    }

    /**
     * LN-03 (claimants > headcount × 0.5 within 12 months): A has 5 claimants of 8 insured (fires),
     * B 4 of 8 (does not: 4 > 4 is false). Headcounts below 10 keep NAT-02 out.
     */
    private void ln03() {
        int mA = mD - 3;
        for (int g = 0; g < 2; g++) {
            boolean fire = g == 0;
            PEmp e = emp(fire ? "210303" : "210702", Lexicon.CATERING, LocalDate.of(2015, 9, 1));
            int claimants = fire ? 5 : 4;
            for (int k = 0; k < 8 - claimants; k++) {
                work(person(e), e, mD - 13, mD);
            }
            for (int k = 0; k < claimants; k++) {
                LocalDate sep = Dates.first(mA).minusDays(20).plusDays(6L * k);
                PPerson p = person(e);
                work(p, e, mD - 13, Dates.month(sep));
                C c = claim(p, e, sep, Dates.first(mA).plusDays(1 + 2L * k)); // all apply in month D−3
                if (k == 3) {
                    c.rejected(Lexicon.REJECT_REASONS[3]);
                }
                c.reason = "EMPLOYER_CLOSED";
                c.add();
            }
            rule("LN-03", fire, "employer", e.id, claimants + " claimants of 8 insured (" + claimants + " > 4?)");
        }
    }

    /**
     * LN-04 (consecutive months with the last employer < 6): 5 months (fires), 6 months (does not),
     * 4 months after a gap with that employer (fires). They worked for another employer before and
     * in the gap, so NAT-03 (any employer, < 3) stays quiet.
     */
    private void ln04() {
        int s = mD - 3;
        PEmp last = claimEmp(3);
        PEmp before = otherEmp(last);
        LocalDate sep = Dates.first(s).plusDays(19);
        String[] notes = {"5 months with the last employer (threshold 6)", "6 months with the last employer",
            "4 months with the last employer after a gap (other employer in the gap)"};
        for (int k = 0; k < 3; k++) {
            PPerson p = person(last);
            if (k == 0) {
                work(p, before, mD - 23, s - 5);
                work(p, last, s - 4, s);
            } else if (k == 1) {
                work(p, before, mD - 23, s - 6);
                work(p, last, s - 5, s);
            } else {
                work(p, before, mD - 23, s - 10);
                work(p, last, s - 9, s - 7);
                work(p, before, s - 6, s - 4);
                work(p, last, s - 3, s);
            }
            String id = claim(p, last, sep.plusDays(k), sep.plusDays(7 + k)).add();
            rule("LN-04", k != 1, "claim", id, notes[k]);
        }
    }

    // ----------------------------------------------------------------------------- claims: NAT rules

    /**
     * NAT-01 (separations of >= 10 distinct persons within 30 days): A: 10 separations within 28
     * days (fires); B: 10 separations spread over 31 days, no 30-day window holds more than 9 (does
     * not). Applications spread over 2–3 months (LN-02 below 10), headcount 40 (LN-03, NAT-02 quiet).
     */
    private void nat01() {
        LocalDate s = Dates.first(mD - 4).plusDays(9);
        int[][] offsets = {{0, 3, 6, 9, 12, 15, 18, 21, 24, 27}, {0, 3, 6, 10, 13, 16, 20, 23, 26, 30}};
        for (int g = 0; g < 2; g++) {
            boolean fire = g == 0;
            PEmp e = emp(fire ? "210403" : "210502", Lexicon.CONSTRUCTION, LocalDate.of(2011, 3, 15));
            for (int k = 0; k < 30; k++) {
                work(person(e), e, mD - 13, mD);
            }
            for (int k = 0; k < 10; k++) {
                LocalDate sep = s.plusDays(offsets[g][k]);
                PPerson p = person(e);
                work(p, e, mD - 13, Dates.month(sep));
                C c = claim(p, e, sep, sep.plusDays(4 + (k % 2) * 20L));
                c.reason = "EMPLOYER_TERMINATED";
                if (k == 4) {
                    c.rejected(Lexicon.REJECT_REASONS[1]);
                }
                c.add();
            }
            rule("NAT-01", fire, "employer", e.id, fire
                    ? "10 separations within 28 days (threshold 10 in 30 days)"
                    : "10 separations over 31 days: at most 9 in any 30-day span");
        }
    }

    /**
     * NAT-02 (claimants who received benefits > 30 % of >= 10 insured, 12 months): A: 7 paid of 20
     * (fires: 7 > 6); B: 6 paid + 2 rejected of 20 (does not: 6 > 6 is false); C: 4 paid of 9 insured
     * (headcount below 10: does not). All apply in month D−5; LN-03 stays quiet (7, 8 of 20; 4 of 9).
     */
    private void nat02() {
        int mA = mD - 5;
        int[][] shape = {{13, 7, 0}, {12, 6, 2}, {5, 4, 0}}; // staff, paid, rejected
        String[] regions = {"210802", "211102", "211302"};
        for (int g = 0; g < 3; g++) {
            PEmp e = emp(regions[g], Lexicon.LOGISTICS, LocalDate.of(2012, 6, 6));
            for (int k = 0; k < shape[g][0]; k++) {
                work(person(e), e, mD - 13, mD);
            }
            int n = shape[g][1] + shape[g][2];
            for (int k = 0; k < n; k++) {
                LocalDate sep = Dates.first(mA).minusDays(30).plusDays(5L * k);
                PPerson p = person(e);
                work(p, e, mD - 13, Dates.month(sep));
                C c = claim(p, e, sep, Dates.first(mA).plusDays(2L * k));
                if (k >= shape[g][1]) {
                    c.rejected(Lexicon.REJECT_REASONS[2]);
                } else if (k == 1) {
                    c.approved();
                }
                c.add();
            }
            String note = g == 0 ? "7 paid claimants of 20 insured (7 > 20 × 0.3)"
                    : g == 1 ? "6 paid + 2 rejected of 20 insured (6 > 6 is false)"
                    : "4 paid of 9 insured (headcount below 10)";
            rule("NAT-02", g == 0, "employer", e.id, note);
        }
    }

    /**
     * NAT-03 (consecutive months with any employer < 3): 2 months (fires; LN-04 too), 3 months (does
     * not; LN-04 fires), 2 months after a one-month gap in a long history (fires).
     */
    private void nat03() {
        int s = mD - 2;
        PEmp last = claimEmp(3);
        PEmp before = otherEmp(last);
        LocalDate sep = Dates.first(s).plusDays(19);
        String[] notes = {"2 months insured in all (threshold 3)", "3 months insured in all",
            "2 months after a one-month gap in a 20-month history"};
        for (int k = 0; k < 3; k++) {
            PPerson p = person(last);
            if (k == 0) {
                work(p, last, s - 1, s);
            } else if (k == 1) {
                work(p, last, s - 2, s);
            } else {
                work(p, before, mD - 23, s - 3);
                work(p, last, s - 1, s);
            }
            String id = claim(p, last, sep.plusDays(k), sep.plusDays(6 + k)).add();
            rule("NAT-03", k != 1, "claim", id, notes[k]);
        }
    }

    /**
     * NAT-04 (overlapping coverage, different provinces) and NAT-05 (same province): a Liaoning claim
     * and a Hebei (130102) claim of the same person with overlapping benefit periods (NAT-04 fires on
     * both); adjacent periods (no shared day), and a REJECTED second claim (neither fires); two
     * overlapping Liaoning claims in Shenyang and Dalian (NAT-05 fires on both); two sequential
     * Liaoning claims with a job in between (does not).
     */
    private void nat0405() {
        // NAT-04 fires
        PEmp e = claimEmp(1);
        LocalDate sep = d.minusDays(215);
        PPerson p = claimant(e, sep);
        String a = claim(p, e, sep, sep.plusDays(5)).add();
        C cb = claim(p, e, sep, d.minusDays(120));
        cb.region = "130102";
        cb.bs = d.minusDays(118);
        cb.be = cb.bs.plusMonths(6).minusDays(1);
        String bId = cb.add();
        rule("NAT-04", true, "claim", a, "Liaoning claim overlapping claim " + bId + " (130102 石家庄长安区)");
        rule("NAT-04", true, "claim", bId, "Hebei claim overlapping claim " + a);

        // NAT-04 near miss: adjacent coverage
        e = claimEmp(1);
        sep = d.minusDays(325);
        p = claimant(e, sep);
        C ca = claim(p, e, sep, sep.plusDays(5));
        ca.ended(ca.app.plusMonths(6).minusDays(1));
        a = ca.add();
        LocalDate next = ca.be.plusDays(1);
        cb = claim(p, e, sep, next);
        cb.region = "130104";
        bId = cb.add();
        rule("NAT-04", false, "claim", bId, "Hebei claim starting the day after Liaoning claim " + a + " ended");

        // NAT-04 near miss: the other province's claim was rejected
        e = claimEmp(1);
        sep = d.minusDays(110);
        p = claimant(e, sep);
        a = claim(p, e, sep, d.minusDays(100)).add();
        cb = claim(p, e, sep, d.minusDays(80)).rejected(Lexicon.REJECT_REASONS[5]);
        cb.region = "220102";
        bId = cb.add();
        rule("NAT-04", false, "claim", a, "overlapping claim " + bId + " in 220102 was REJECTED");

        // NAT-05 fires: Shenyang and Dalian offices, overlapping
        e = claimEmp(1);
        sep = d.minusDays(160);
        p = claimant(e, sep);
        a = claim(p, e, sep, d.minusDays(150)).add();
        cb = claim(p, e, sep, d.minusDays(40)).approved();
        cb.region = "210202";
        cb.bs = d.minusDays(38);
        cb.be = cb.bs.plusMonths(12).minusDays(1);
        bId = cb.add();
        rule("NAT-05", true, "claim", a, "overlaps claim " + bId + " of the same person, both in Liaoning");
        rule("NAT-05", true, "claim", bId, "overlaps claim " + a);
        rule("NAT-04", false, "claim", bId, "same province: NAT-05, not NAT-04");

        // NAT-05 near miss: sequential claims with a job in between
        e = claimEmp(1);
        PEmp f = claimEmp(1);
        sep = d.minusDays(340);
        p = claimant(e, sep);
        ca = claim(p, e, sep, sep.plusDays(5));
        ca.ended(d.minusDays(250));
        a = ca.add();
        int jobFrom = Dates.month(ca.be) + 1;
        work(p, f, jobFrom, jobFrom + 6);
        LocalDate sep2 = Dates.last(jobFrom + 6).minusDays(3);
        bId = claim(p, f, sep2, sep2.plusDays(5)).add();
        rule("NAT-05", false, "claim", bId, "second Liaoning claim after claim " + a + " ended and a 7-month job");
    }

    /**
     * NAT-06 (one phone or bank account on in-scope live claims of >= 3 distinct persons): a phone
     * shared by 3 persons, written three ways (fires); a phone shared by 2 (does not); 3 persons of whom
     * one WITHDRAWN (does not); 3 persons of whom one applied before the in-scope year (does not); a
     * bank account shared by 3 persons, one written with spaces (fires).
     */
    private void nat06() {
        String[][] phones = {
            {"139 4000 1234", "+86 139-4000-1234", "13940001234"},
            {"13940005678", "139-4000-5678"},
            {"15840002468", "15840002468", "158 4000 2468"},
            {"15840001357", "15840001357", "15840001357"},
        };
        String[] notes = {"phone 13940001234 shared by 3 persons (threshold 3), three spellings",
            "phone 13940005678 shared by 2 persons", "phone 15840002468: 3 persons, one claim WITHDRAWN",
            "phone 15840001357: 3 persons, one claim applied before the in-scope year"};
        for (int g = 0; g < phones.length; g++) {
            for (int k = 0; k < phones[g].length; k++) {
                PEmp e = claimEmp(1);
                boolean old = g == 3 && k == 2;
                LocalDate sep = old ? d.minusDays(405) : d.minusDays(70 - 8L * k);
                PPerson p = claimant(e, sep);
                C c = claim(p, e, sep, sep.plusDays(5));
                if (g == 2 && k == 2) {
                    c.withdrawn();
                }
                c.phone = phones[g][k];
                String id = c.add();
                rule("NAT-06", g == 0, "claim", id, notes[g]);
            }
        }
        String account = "6217000012345678901";
        String[] spelled = {account, "6217 0000 1234 5678 901", account};
        for (int k = 0; k < 3; k++) {
            PEmp e = claimEmp(1);
            LocalDate sep = d.minusDays(90 - 9L * k);
            PPerson p = claimant(e, sep);
            C c = claim(p, e, sep, sep.plusDays(4));
            c.account = spelled[k];
            rule("NAT-06", true, "claim", c.add(), "bank account 6217000012345678901 shared by 3 persons");
        }
    }

    /**
     * NAT-07 (a contribution with any employer in a benefit month, start month excluded): a new job
     * two months into the benefits (fires); a contribution only in the start month (does not); a job
     * starting the month after benefits ended (does not); a contribution for the month after D (does
     * not: ignored until a later run); an ENDED claim with contributions in its benefit months (fires).
     */
    private void nat07() {
        // fires: PAYING, new job in benefit months 2 and 3
        PEmp e = claimEmp(1);
        PEmp f = otherEmp(e);
        LocalDate sep = Dates.first(mD - 6).plusDays(9);
        PPerson p = claimant(e, sep);
        C c = claim(p, e, sep, sep.plusDays(5));
        String id = c.add();
        work(p, f, Dates.month(c.bs) + 2, Dates.month(c.bs) + 3);
        rule("NAT-07", true, "claim", id, "contributions with another employer in benefit months 2 and 3");

        // does not: only the start month (the last wage of the old job)
        e = claimEmp(1);
        sep = Dates.first(mD - 5).plusDays(4);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(5));
        id = c.add();
        rule("NAT-07", false, "claim", id, "a contribution only in the benefit start month "
                + Dates.period(Dates.month(c.bs)));

        // does not: re-employed the month after the benefits ended
        e = claimEmp(1);
        f = otherEmp(e);
        sep = Dates.first(mD - 10).plusDays(4);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(6));
        c.ended(Dates.last(Dates.month(c.app) + 3));
        id = c.add();
        work(p, f, Dates.month(c.be) + 1, mD);
        rule("NAT-07", false, "claim", id, "ENDED, new job from the month after benefit_end");

        // does not: a contribution for the month after D
        e = claimEmp(1);
        f = otherEmp(e);
        sep = d.minusDays(95);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(5));
        id = c.add();
        work(p, f, mD + 1, mD + 1);
        rule("NAT-07", false, "claim", id, "PAYING, one contribution for " + Dates.period(mD + 1) + " (after D)");

        // fires: ENDED claim, worked in benefit months 1 and 2
        e = claimEmp(1);
        f = otherEmp(e);
        sep = Dates.first(mD - 9).plusDays(11);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(3));
        c.ended(c.app.plusMonths(6).minusDays(1));
        id = c.add();
        work(p, f, Dates.month(c.bs) + 1, Dates.month(c.bs) + 2);
        rule("NAT-07", true, "claim", id, "ENDED, contributions in benefit months 1 and 2");
    }

    // ------------------------------------------------------------------------------ service rules

    /**
     * SVC-01 (RECEIVED claims: OVERDUE when D > deadline, DUE_SOON when D <= deadline <= D + 2 working
     * days; deadline = 10th working day after the application): the latest application already
     * overdue, the earliest and the latest due soon, the earliest not yet listed, and one unreviewed
     * claim of more than a year ago (overdue, though out of scope).
     */
    private void svc01() {
        LocalDate warnEnd = WorkCalendar.addWorkingDays(d, 2);
        LocalDate overdue = null;
        LocalDate soonFirst = null;
        LocalDate soonLast = null;
        LocalDate notYet = null;
        for (LocalDate a = d.minusDays(40); !a.isAfter(d); a = a.plusDays(1)) {
            LocalDate dl = WorkCalendar.deadline(a);
            if (dl.isBefore(d)) {
                overdue = a;
            } else if (!dl.isAfter(warnEnd)) {
                soonFirst = soonFirst == null ? a : soonFirst;
                soonLast = a;
            } else if (notYet == null) {
                notYet = a;
            }
        }
        Object[][] cases = {
            {overdue, true, "OVERDUE: deadline the day before D"},
            {soonFirst, true, "DUE_SOON: deadline on or just after D"},
            {soonLast, true, "DUE_SOON: deadline D + 2 working days"},
            {notYet, false, "deadline D + 3 working days: not listed yet"},
            {d.minusDays(400), true, "OVERDUE: unreviewed for over a year (not in scope, listed anyway)"},
        };
        for (Object[] cs : cases) {
            LocalDate app = (LocalDate) cs[0];
            PEmp e = claimEmp(1);
            LocalDate sep = app.minusDays(7);
            PPerson p = claimant(e, sep);
            C c = claim(p, e, sep, app).received();
            String id = c.add();
            rule("SVC-01", (Boolean) cs[1], "claim", id, cs[2] + " (applied " + app + ", deadline "
                    + WorkCalendar.deadline(app) + ")");
        }
    }

    /**
     * SVC-02 (in-scope RECEIVED claims without a registration with registered_on <= D and ended_on null
     * or >= application_date): no registration; a registration that ended before the application; a
     * registration dated after D (all pushed); a registration ending on the application day, an open
     * one, one registered on D (not pushed). registered_unemployed is set contrary to the registrations
     * to show that registrations.csv takes precedence.
     */
    private void svc02() {
        LocalDate app = d.minusDays(2);
        String[] notes = {"no registration (registered_unemployed = Y)", "registration ended before the application",
            "registration dated after D", "registration ended on the application day (registered_unemployed = N)",
            "open registration (registered_unemployed = N)", "registered on D (registered_unemployed = N)"};
        for (int k = 0; k < 6; k++) {
            PEmp e = claimEmp(1);
            LocalDate sep = app.minusDays(9);
            PPerson p = claimant(e, sep);
            C c = claim(p, e, sep, app).received();
            c.register = false;
            c.regFlag = k < 3 ? "Y" : "N";
            String id = c.add();
            switch (k) {
                case 1 -> registration(p, e.region, d.minusDays(60), d.minusDays(20));
                case 2 -> registration(p, e.region, d.plusDays(2), null);
                case 3 -> registration(p, e.region, app, app);
                case 4 -> registration(p, e.region, app, null);
                case 5 -> registration(p, e.region, d, null);
                default -> {
                }
            }
            rule("SVC-02", k < 3, "claim", id, notes[k]);
        }
    }

    /** SVC-03 (in-scope REJECTED claims with a blank reject_reason): empty, blank, with a reason, out of scope. */
    private void svc03() {
        String[] reasons = {null, "   ", Lexicon.REJECT_REASONS[0], null};
        String[] notes = {"REJECTED, reject_reason empty", "REJECTED, reject_reason only spaces",
            "REJECTED with a reason", "REJECTED without reason but applied before the in-scope year"};
        for (int k = 0; k < 4; k++) {
            PEmp e = claimEmp(1);
            LocalDate sep = k == 3 ? d.minusDays(410) : d.minusDays(60 + 5L * k);
            PPerson p = claimant(e, sep);
            C c = claim(p, e, sep, sep.plusDays(6)).rejected(reasons[k]);
            rule("SVC-03", k < 2, "claim", c.add(), notes[k]);
        }
    }

    /**
     * SVC-04 (decisions in [D − 6, D] with a valid phone, first run): decided on D, D−2, D−6 (listed);
     * D−7, D−1 without a phone, D+1 after D (not listed).
     */
    private void svc04() {
        int[] offsets = {0, -2, -6, -7, -1, 1};
        String[] notes = {"APPROVED on D", "PAYING, decided D−2", "REJECTED on D−6 (message states the reason)",
            "decided D−7: outside the window", "decided D−1 but no phone", "decided D+1: after D"};
        for (int k = 0; k < offsets.length; k++) {
            LocalDate dec = d.plusDays(offsets[k]);
            LocalDate app = dec.minusDays(5);
            PEmp e = claimEmp(1);
            LocalDate sep = app.minusDays(10);
            PPerson p = claimant(e, sep);
            C c = claim(p, e, sep, app);
            if (k == 0 || k == 3 || k == 5) {
                c.approved();
            } else if (k == 2) {
                c.rejected(Lexicon.REJECT_REASONS[1]);
            }
            if (k == 4) {
                c.phone = null;
            }
            c.decided(dec);
            rule("SVC-04", k < 3, "claim", c.add(), notes[k]);
        }
    }

    /**
     * SVC-05 (a REJECTED VOLUNTARY claim followed by a live claim of the same person, employer and
     * separation date): re-application later (listed); re-application on the same day with a greater
     * claim_id (listed); a later claim with another separation date, and a re-application after a
     * non-voluntary rejection (not listed).
     */
    private void svc05() {
        String[] notes = {"re-application 30 days after the VOLUNTARY rejection",
            "re-application on the same day (greater claim_id)", "later claim with a different separation date",
            "first claim was rejected but not VOLUNTARY"};
        for (int k = 0; k < 4; k++) {
            PEmp e = claimEmp(1);
            LocalDate sep = d.minusDays(130 - 10L * k);
            PPerson p = claimant(e, sep);
            C first = claim(p, e, sep, sep.plusDays(10)).rejected(k == 3 ? Lexicon.REJECT_REASONS[3]
                    : Lexicon.VOLUNTARY_REASON);
            first.reason = k == 3 ? "MUTUAL_AGREEMENT" : "VOLUNTARY";
            first.add();
            LocalDate app2 = k == 1 ? first.app : first.app.plusDays(30);
            C second = claim(p, e, k == 2 ? sep.plusDays(1) : sep, app2);
            second.reason = "EMPLOYER_TERMINATED";
            second.account = first.account;
            second.phone = first.phone;
            rule("SVC-05", k < 2, "claim", second.add(), notes[k]);
        }
    }

    /**
     * SVC-06 (benefit_start <= 2024-12-31 <= benefit_end, new retirement date > E + 1 year > old date):
     * a man born 1966-06 (M60: +5 months), a woman born 1976-04 with no category (default F50: +8
     * months), a woman born 1971-02 (F55: +4 months) (eligible); the same man's twin case one day short
     * (E + 1 year = old date − 1 day), a claim starting 2025-01-02, a man born 1965-01 (+1 month) (not).
     */
    private void svc06() {
        if (d.isBefore(LocalDate.of(2025, 7, 1))) {
            return;
        }
        PEmp e = emp("210105", Lexicon.MACHINERY, LocalDate.of(1999, 5, 5));
        Object[][] cases = {
            {LocalDate.of(1966, 6, 10), true, "M60", "2024-07-01", "2025-06-30", true,
                "man born 1966-06-10: old 2026-06-10 < E+1y 2026-06-30 < new 2026-11-10; continue to 2026-06-10"},
            {LocalDate.of(1976, 4, 5), false, null, "2024-06-01", "2025-05-31", true,
                "woman born 1976-04-05, category blank (F50): old 2026-04-05 < 2026-05-31 < new 2026-12-05"},
            {LocalDate.of(1971, 2, 1), false, "F55", "2024-03-01", "2025-02-28", true,
                "woman born 1971-02-01, F55: old 2026-02-01 < 2026-02-28 < new 2026-06-01"},
            {LocalDate.of(1966, 6, 10), true, "M60", "2024-06-10", "2025-06-09", false,
                "man born 1966-06-10: E+1y 2026-06-09 is before the old date 2026-06-10"},
            {LocalDate.of(1966, 8, 20), true, "M60", "2025-01-02", "2026-01-01", false,
                "benefit_start 2025-01-02: not drawing on 2024-12-31"},
            {LocalDate.of(1965, 1, 15), true, "M60", "2024-02-01", "2025-01-14", false,
                "man born 1965-01-15: new date 2025-02-15 is not after E+1y"},
        };
        for (Object[] cs : cases) {
            PPerson p = person("2101", Lexicon.MACHINERY, (LocalDate) cs[0], (Boolean) cs[1]);
            LocalDate bs = LocalDate.parse((String) cs[3]);
            C c = claim(p, e, bs.minusDays(12), bs);
            c.ended(LocalDate.parse((String) cs[4]));
            c.ret = (String) cs[2];
            c.reason = "EMPLOYER_CLOSED";
            rule("SVC-06", (Boolean) cs[5], "claim", c.add(), (String) cs[6]);
        }
    }

    /**
     * SVC-07 (ENDED or SUSPENDED, benefit_end <= D: months with SELF and no AGENCY medical rows are
     * refunded): an ENDED claim with two such months (and one month with both payers); a SUSPENDED
     * claim with two; a PAYING claim with SELF rows, and an ENDED claim whose SELF rows come after the
     * benefit period (no refund).
     */
    private void svc07() {
        // ENDED: AGENCY m0..m2, SELF only m3 and m4, both in m5, AGENCY m6
        PEmp e = claimEmp(1);
        LocalDate sep = Dates.first(mD - 9).plusDays(8);
        PPerson p = claimant(e, sep);
        C c = claim(p, e, sep, sep.plusDays(6));
        c.ended(c.app.plusMonths(6).minusDays(1));
        c.medical = false;
        String id = c.add();
        int m0 = Dates.month(c.bs);
        Geo.City city = Geo.city(c.region);
        for (int m = m0; m <= Dates.month(c.be); m++) {
            int k = m - m0;
            if (k != 3 && k != 4) {
                medical(p, m, "AGENCY", Geo.medicalCents(city, m / 12), c.region);
            }
        }
        medical(p, m0 + 3, "SELF", 52000, c.region);
        medical(p, m0 + 4, "SELF", 38050, c.region);
        medical(p, m0 + 5, "SELF", 45000, c.region);
        rule("SVC-07", true, "claim", id, "ENDED; SELF only in " + Dates.period(m0 + 3) + " (520.00) and "
                + Dates.period(m0 + 4) + " (380.50); " + Dates.period(m0 + 5) + " has both payers");

        // SUSPENDED: SELF only in m1 and m2
        e = claimEmp(1);
        sep = Dates.first(mD - 7).plusDays(2);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(5));
        c.suspended(c.app.plusMonths(3));
        c.medical = false;
        id = c.add();
        m0 = Dates.month(c.bs);
        city = Geo.city(c.region);
        for (int m = m0; m <= Dates.month(c.be); m++) {
            if (m != m0 + 1 && m != m0 + 2) {
                medical(p, m, "AGENCY", Geo.medicalCents(city, m / 12), c.region);
            }
        }
        medical(p, m0 + 1, "SELF", 61000, c.region);
        medical(p, m0 + 2, "SELF", 33330, c.region);
        rule("SVC-07", true, "claim", id, "SUSPENDED; SELF only in " + Dates.period(m0 + 1) + " (610.00) and "
                + Dates.period(m0 + 2) + " (333.30)");

        // PAYING with SELF rows: not refunded (yet)
        e = claimEmp(1);
        sep = d.minusDays(150);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(5));
        c.medical = false;
        id = c.add();
        m0 = Dates.month(c.bs);
        city = Geo.city(c.region);
        medical(p, m0, "AGENCY", Geo.medicalCents(city, m0 / 12), c.region);
        medical(p, m0 + 1, "SELF", 48000, c.region);
        medical(p, m0 + 2, "SELF", 48000, c.region);
        rule("SVC-07", false, "claim", id, "PAYING: SELF rows but benefits not over");

        // ENDED, SELF rows only after the benefit period
        e = claimEmp(1);
        sep = Dates.first(mD - 11).plusDays(3);
        p = claimant(e, sep);
        c = claim(p, e, sep, sep.plusDays(5));
        c.ended(c.app.plusMonths(4).minusDays(1));
        id = c.add();
        int after = Dates.month(c.be) + 1;
        medical(p, after, "SELF", 50000, c.region);
        medical(p, after + 1, "SELF", 50000, c.region);
        rule("SVC-07", false, "claim", id, "ENDED; SELF rows only after benefit_end");
    }

    // --------------------------------------------------------------------------------- SKL rules

    private Org cityOrg(String city4) {
        return new Org("ORG" + city4 + "9001", Geo.city(city4 + "00").districts[0]);
    }

    private static final Org PROVINCE_ORG = new Org("ORG21009001", Geo.PROVINCE);

    private Cert cert(PPerson holder, boolean skill, String occ, int level, LocalDate issue, Org org, String status) {
        String no = ids.certificateNo(skill, org.region().substring(0, 4), issue.getYear());
        Cert c = new Cert(no, skill ? "SKILL_LEVEL" : "QUALIFICATION", occ, level, issue, org);
        b.add(Extract.CERTIFICATES, no, holder.id, c.type(), occ, Integer.toString(level), issue.toString(), org.id(),
                org.region(), status);
        return c;
    }

    private Cert cert(PPerson holder, int level, LocalDate issue, Org org) {
        return cert(holder, true, holder.job, level, issue, org, "VALID");
    }

    /** A subsidy application as stated by the applicant (defaults: the registry's values). */
    final class S {
        final PPerson p;
        String type = "EMPLOYEE";
        String employer;
        String region;
        String job;
        String certNo;
        String certType;
        String occ;
        String level;
        LocalDate issue;
        String org;
        LocalDate app;
        String status;
        LocalDate paid;

        S(PPerson p, Cert c, LocalDate app) {
            this.p = p;
            this.employer = p.employer.id;
            this.region = p.employer.region;
            this.job = p.job;
            this.certNo = c.no();
            this.certType = c.type();
            this.occ = c.occupation();
            this.level = Integer.toString(c.level());
            this.issue = c.issue();
            this.org = c.org().id();
            this.app = app;
            LocalDate pay = app.plusDays(25);
            this.status = pay.isAfter(d) ? "RECEIVED" : "PAID";
            this.paid = pay.isAfter(d) ? null : pay;
        }

        String add() {
            String id = ids.subsidyId(region, app);
            b.add(Extract.SUBSIDIES, id, p.id, type, employer, region, job, certNo, certType, occ, level,
                    issue.toString(), org, Dates.money(Baseline.subsidyCents(Integer.parseInt(level.trim()))),
                    app.toString(), status, Dates.iso(paid));
            return id;
        }
    }

    /**
     * SKL-01 (certificate_no not in the registry): a made-up number (fires); a registry number written in
     * lower case with spaces (does not).
     */
    private void skl01() {
        PPerson p = staff(null);
        Org org = cityOrg(p.employer.city4());
        Cert ghost = new Cert("S" + org.region().substring(0, 4) + d.minusDays(90).getYear() + "77000001",
                "SKILL_LEVEL", p.job, 4, d.minusDays(90), org);
        rule("SKL-01", true, "application", new S(p, ghost, d.minusDays(60)).add(), "certificate "
                + ghost.no() + " is not in the registry");
        p = staff(null);
        Cert c = cert(p, 4, d.minusDays(100), cityOrg(p.employer.city4()));
        S s = new S(p, c, d.minusDays(70));
        s.certNo = "  " + c.no().toLowerCase() + " ";
        rule("SKL-01", false, "application", s.add(), "registry number written in lower case with spaces");
    }

    /** SKL-02 (registry row differs in person, occupation, level or issue date, or is REVOKED). */
    private void skl02() {
        String[] notes = {"registry level 4, application says 3", "registry status REVOKED",
            "registry holder is another person", "registry issued 9 days earlier than stated",
            "registry occupation differs in the 4th segment", "identical (registry date written yyyyMMdd)"};
        for (int k = 0; k < 6; k++) {
            PPerson p = staff(null);
            Org org = cityOrg(p.employer.city4());
            LocalDate issue = d.minusDays(200 + 10L * k);
            PPerson holder = k == 2 ? person(p.employer.city4(), p.employer.industry) : p;
            String regOcc = k == 4 ? otherJob(p) : p.job;
            String no = ids.certificateNo(true, org.region().substring(0, 4), issue.getYear());
            b.add(Extract.CERTIFICATES, no, holder.id, "SKILL_LEVEL", regOcc, k == 0 ? "4" : "3",
                    k == 5 ? Dates.compact(issue) : issue.toString(), org.id(), org.region(),
                    k == 1 ? "REVOKED" : "VALID");
            Cert stated = new Cert(no, "SKILL_LEVEL", p.job, 3, k == 3 ? issue.plusDays(9) : issue, org);
            rule("SKL-02", k < 5, "application", new S(p, stated, issue.plusDays(40)).add(), notes[k]);
        }
    }

    private static String otherJob(PPerson p) {
        String j = p.job;
        String last = j.substring(j.length() - 2);
        return j.substring(0, j.length() - 2) + (last.equals("09") ? "08" : "09");
    }

    /** SKL-03 (EMPLOYEE, job set, 大类-中类 of job and certificate differ). */
    private void skl03() {
        PPerson p = staff(null);
        String foreign = p.job.startsWith("4-03") ? "6-18-01-01" : "4-03-02-01";
        Cert c = cert(p, true, foreign, 4, d.minusDays(150), cityOrg(p.employer.city4()), "VALID");
        rule("SKL-03", true, "application", new S(p, c, d.minusDays(120)).add(),
                "job " + p.job + ", certificate " + foreign);

        p = staff(null);
        String sibling = p.job.substring(0, 5) + "99-01";
        c = cert(p, true, sibling, 4, d.minusDays(150), cityOrg(p.employer.city4()), "VALID");
        rule("SKL-03", false, "application", new S(p, c, d.minusDays(110)).add(),
                "job " + p.job + ", certificate " + sibling + ": same first two segments");

        p = staff(null);
        c = cert(p, true, foreign, 4, d.minusDays(150), cityOrg(p.employer.city4()), "VALID");
        S s = new S(p, c, d.minusDays(100));
        s.job = null;
        rule("SKL-03", false, "application", s.add(), "EMPLOYEE without job_occupation_code");

        // a CLAIMANT with a job code that does not match: SKL-03 concerns employees only
        PEmp e = claimEmp(1);
        LocalDate sep = d.minusDays(140);
        PPerson q = claimant(e, sep);
        C cl = claim(q, e, sep, sep.plusDays(5));
        cl.add();
        String foreign2 = q.job.startsWith("4-03") ? "6-18-01-01" : "4-03-02-01";
        c = cert(q, true, foreign2, 5, d.minusDays(100), cityOrg(e.city4()), "VALID");
        s = new S(q, c, d.minusDays(60));
        s.type = "CLAIMANT";
        s.employer = null;
        s.region = cl.region;
        rule("SKL-03", false, "application", s.add(), "CLAIMANT with job " + q.job + ", certificate " + foreign2);
    }

    /**
     * SKL-04 (an organisation issuing >= 30 certificates in 7 days and >= 3 × its 91-day baseline
     * rate): org A: 30 in the 7 days up to D−40 after 13 in the 91 days before (base 1: fires); org B:
     * 29 in 7 days (does not); org C: 30 in 7 days after 143 in 91 days (base 11, needs 33: does not);
     * org D: 25 up to D and 10 more issued after D (does not). Registry holders are otherwise unknown
     * persons; staff of Shenyang employers apply with some of the certificates.
     */
    private void skl04() {
        LocalDate burst = d.minusDays(40);
        int[][] shape = {{30, 13}, {29, 13}, {30, 143}, {25, 5}};
        String[] notes = {"30 certificates in 7 days, 13 in the 91 days before (threshold 30, 3 × base 1)",
            "29 certificates in 7 days", "30 in 7 days but 143 in the 91 days before (needs 33)",
            "25 certificates up to D, 10 more issued after D"};
        String[] districts = {"210104", "210105", "210106", "210112"};
        for (int g = 0; g < 4; g++) {
            Org org = new Org("ORG2101910" + (g + 1), districts[g]);
            LocalDate end = g == 3 ? d : burst;
            int n = shape[g][0];
            int applicants = g == 0 ? 3 : 1;
            List<Cert> forStaff = new ArrayList<>();
            List<PPerson> staffList = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                LocalDate issue = end.minusDays(g == 3 ? k % 5 : k % 7);
                if (k < applicants) {
                    PPerson p = staff("2101");
                    staffList.add(p);
                    forStaff.add(cert(p, 5, issue, org));
                } else {
                    PPerson h = person("2101", Lexicon.CARE);
                    cert(h, true, "4-10-01-05", 5, issue, org, "VALID");
                }
            }
            // the baseline period: [end − 97, end − 8]
            int base = shape[g][1];
            for (int k = 0; k < base; k++) {
                LocalDate issue = end.minusDays(97).plusDays(k * 90L / base);
                cert(person("2101", Lexicon.CARE), true, "4-10-01-05", 5, issue, org, "VALID");
            }
            if (g == 3) {
                for (int k = 0; k < 10; k++) {
                    cert(person("2101", Lexicon.CARE), true, "4-10-01-05", 5, d.plusDays(1 + k % 3), org, "VALID");
                }
            }
            rule("SKL-04", g == 0, "org", org.id(), notes[g]);
            for (int k = 0; k < staffList.size(); k++) {
                Cert c = forStaff.get(k);
                LocalDate app = Dates.min(d, c.issue().plusDays(5 + k));
                rule("SKL-04", g == 0, "application", new S(staffList.get(k), c, app).add(),
                        "certificate of " + org.id() + " issued " + c.issue());
            }
        }
    }

    /** SKL-05 (registry issuing city differs from the application's city, unless 210000). */
    private void skl05() {
        Object[][] cases = {
            {"other", true, "certificate from an organisation in another Liaoning city"},
            {"110105", true, "certificate from Beijing (110105)"},
            {"110000", true, "certificate from a Beijing province-level body (110000)"},
            {"210000", false, "certificate from the Liaoning province-level body (210000)"},
            {"same", false, "certificate from another district of the same city"},
        };
        for (Object[] cs : cases) {
            PPerson p = staff(null);
            String city4 = p.employer.city4();
            String where = (String) cs[0];
            Org org = switch (where) {
                case "other" -> cityOrg(city4.equals("2102") ? "2101" : "2102");
                case "110105" -> new Org("ORG11019001", "110105");
                case "110000" -> new Org("ORG11009001", "110000");
                case "210000" -> PROVINCE_ORG;
                default -> new Org("ORG" + city4 + "9002", Geo.city(city4 + "00").districts[1]);
            };
            Cert c = cert(p, 4, d.minusDays(170), org);
            rule("SKL-05", (Boolean) cs[1], "application", new S(p, c, d.minusDays(130)).add(),
                    cs[2] + " (" + org.region() + " vs " + p.employer.region + ")");
        }
    }

    /**
     * SKL-07 (same certificate twice, or same person, occupation and level twice): the second use of a
     * certificate (fires); a qualification and a skill-level certificate of the same occupation and
     * level (fires); a re-application after a rejection (does not); the same occupation at two levels
     * (does not).
     */
    private void skl07() {
        // same certificate twice
        PPerson p = staff(null);
        Org org = cityOrg(p.employer.city4());
        Cert c = cert(p, 4, d.minusDays(280), org);
        new S(p, c, d.minusDays(250)).add();
        rule("SKL-07", true, "application", new S(p, c, d.minusDays(100)).add(), "second application with "
                + c.no());

        // QUALIFICATION and SKILL_LEVEL, same occupation and level
        p = staff(null);
        Cert q = cert(p, false, p.job, 4, d.minusDays(330), org, "VALID");
        Cert s2 = cert(p, true, p.job, 4, d.minusDays(120), org, "VALID");
        new S(p, q, d.minusDays(300)).add();
        rule("SKL-07", true, "application", new S(p, s2, d.minusDays(90)).add(),
                "same person, occupation " + p.job + " and level 4 as an earlier application");

        // first application rejected
        p = staff(null);
        c = cert(p, 3, d.minusDays(220), org);
        S rej = new S(p, c, d.minusDays(200));
        rej.status = "REJECTED";
        rej.paid = null;
        rej.add();
        rule("SKL-07", false, "application", new S(p, c, d.minusDays(150)).add(),
                "re-application after the first was REJECTED");

        // same occupation, different levels
        p = staff(null);
        Cert l5 = cert(p, 5, d.minusDays(320), org);
        Cert l4 = cert(p, 4, d.minusDays(140), org);
        new S(p, l5, d.minusDays(300)).add();
        rule("SKL-07", false, "application", new S(p, l4, d.minusDays(110)).add(), "same occupation, level 5 then 4");
    }

    /**
     * SKL-08 (applied more than 12 months after issue; EMPLOYEE insured fewer than 12 months before
     * the application month; beyond 3 applications in a calendar year).
     */
    private void skl08() {
        // more than 12 months after the stated issue date
        PPerson p = staff(null);
        Org org = cityOrg(p.employer.city4());
        LocalDate issue = Dates.last(mD - 13);
        Cert c = cert(p, 4, issue, org);
        rule("SKL-08", true, "application", new S(p, c, issue.plusMonths(12).plusDays(1)).add(),
                "applied 12 months and 1 day after issue " + issue);
        p = staff(null);
        issue = d.minusMonths(12);
        c = cert(p, 4, issue, org);
        rule("SKL-08", false, "application", new S(p, c, d).add(), "applied exactly 12 months after issue " + issue);

        // four applications in one calendar year (fourth fires), and 3 + 1 rejected (none): the year of
        // D, or the year before when D is early in its year
        int year = d.getDayOfYear() > 110 ? d.getYear() : d.getYear() - 1;
        LocalDate from = Dates.max(LocalDate.of(year, 1, 1), d.minusDays(360));
        long span = java.time.temporal.ChronoUnit.DAYS.between(from, Dates.min(LocalDate.of(year, 12, 31), d));
        for (int g = 0; g < 2; g++) {
            p = staff(null);
            org = cityOrg(p.employer.city4());
            String[] occs = Lexicon.INDUSTRIES[p.employer.industry].jobs;
            for (int k = 0; k < 4; k++) {
                String occ = k < occs.length ? occs[k] : occs[0] + "-0" + k;
                LocalDate app = from.plusDays(span * (k + 1) / 5);
                Cert ck = cert(p, true, occ, 5 - k % 2, app.minusDays(100), org, "VALID");
                S s = new S(p, ck, app);
                if (g == 1 && k == 1) {
                    s.status = "REJECTED";
                    s.paid = null;
                }
                String id = s.add();
                if (k == 3) {
                    rule("SKL-08", g == 0, "application", id, g == 0
                            ? "4th application of the person in " + year + " (max 3)"
                            : "4th application in the year, but one of the earlier three was REJECTED");
                }
            }
        }

        // insured 11 vs 12 months before the application month
        for (int g = 0; g < 2; g++) {
            PEmp e = normal.get(g);
            PPerson q = person(e);
            LocalDate app = Dates.first(mD - 1).plusDays(9);
            int a = Dates.month(app);
            work(q, e, a - (g == 0 ? 11 : 12), mD);
            c = cert(q, 4, app.minusDays(60), cityOrg(e.city4()));
            rule("SKL-08", g == 0, "application", new S(q, c, app).add(), g == 0
                    ? "EMPLOYEE insured 11 months before the application month (min 12)"
                    : "EMPLOYEE insured 12 months before the application month");
        }
    }

    // ------------------------------------------------------------------------------------- SKL-06

    /**
     * SKL-06 (PAID amount of a city in month m >= 1.5 × mean of the 3 months before and >= 50000 yuan
     * above it): written after everything else, measured against what was written. Anshan (2103) gets
     * just enough extra PAID applications in month D−9 to fire; Liaoyang (2110) gets 500 yuan less than
     * needed in month D−10 (does not). The applications are dated before the in-scope year (paid at the
     * start of the year), so no other subsidy rule flags them.
     */
    void surge(Out out) {
        Object[][] cases = {{"2103", mD - 9, true}, {"2110", mD - 10, false}};
        for (Object[] cs : cases) {
            String city4 = (String) cs[0];
            int m = (Integer) cs[1];
            boolean fire = (Boolean) cs[2];
            long p = out.paidCents(city4, m);
            long s = out.paidCents(city4, m - 1) + out.paidCents(city4, m - 2) + out.paidCents(city4, m - 3);
            // smallest P' with 2P' >= S (1.5 × S/3) and 3P' − S >= 15 000 000 cents (50 000 yuan)
            long need = Math.max((s + 1) / 2, (15_000_000L + s + 2) / 3);
            long step = 50_000; // 500 yuan
            long extra = fire ? ceilTo(need - p, step) : Math.floorDiv(need - 1 - p, step) * step;
            if (!fire && extra == step) {
                extra = 0; // 500 yuan cannot be paid exactly
            }
            if (extra <= 0) {
                mf.notes.add("SKL-06 " + city4 + "00 " + Dates.period(m) + ": baseline already "
                        + (fire ? "fires" : "too high for a near miss") + "; nothing planted");
                continue;
            }
            long total = p + writeSurge(out, city4, m, extra);
            rule("SKL-06", fire, "city+month", city4 + "00 " + Dates.period(m), String.format(
                    "paid %s yuan vs mean of 3 months before %s yuan (needs >= %s)", Dates.money(total),
                    Dates.money(s / 3), Dates.money(need)));
        }
    }

    private static long ceilTo(long v, long step) {
        return v <= 0 ? 0 : (v + step - 1) / step * step;
    }

    /** Writes PAID applications worth extraCents (rounded up to 1000 yuan when below), returns the amount. */
    private long writeSurge(Out out, String city4, int m, long extraCents) {
        Geo.City city = Geo.city(city4 + "00");
        PEmp e = emp(city.districts[0], Lexicon.CARE, LocalDate.of(2016, 8, 8));
        Org org = cityOrg(city4);
        LocalDate latestApp = d.minusDays(370);
        // extra is a multiple of 500 yuan: 2000-yuan (level 3) applications, the remainder as one
        // 1000 (level 5), 1500 (level 4) or 2500 (level 2) application
        long yuan = extraCents / 100;
        List<Integer> levels = new ArrayList<>();
        if (yuan < 1000) {
            levels.add(5); // 500 yuan cannot be paid exactly: round up (fire case only, see surge)
        } else {
            long n = yuan / 2000;
            long rest = yuan % 2000;
            for (long i = 0; i < n - (rest == 500 ? 1 : 0); i++) {
                levels.add(3);
            }
            if (rest == 500) {
                levels.add(2);
            } else if (rest == 1000) {
                levels.add(5);
            } else if (rest == 1500) {
                levels.add(4);
            }
        }
        long written = 0;
        for (int k = 0; k < levels.size(); k++) {
            written += Baseline.subsidyCents(levels.get(k));
            PPerson p = person(city4, Lexicon.CARE);
            p.employer = e;
            LocalDate issue = latestApp.minusDays(60 + (k * 7L) % 200);
            Cert c = cert(p, true, p.job, levels.get(k), issue, org, "VALID");
            S s = new S(p, c, latestApp.minusDays(k % 40));
            s.status = "PAID";
            s.paid = Dates.first(m).plusDays(5 + k % 15);
            s.add();
        }
        out.rows(b);
        b.clear();
        return written;
    }
}
