package org.fundguard.generator;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The realistic background population, generated person by person and streamed straight to disk:
 * employers, then for each person their contributions, claim (a few %), unemployment registration,
 * medical payments during benefit months, certificates and skills-upgrading subsidy applications.
 * Memory use does not grow with the number of rows (only with the number of employers and persons'
 * id set).
 *
 * <p>The baseline is kept clean with respect to the rules where that is cheap (claimants have at least
 * six months with their last employer, nobody contributes while drawing benefits, subsidies match the
 * registry and the employer's city, no evaluation organisation bursts, pending claims are not yet
 * overdue), so that what the rules find in a small sample is mostly what {@link Planter} planted.
 * Large populations still produce incidental hits (big employers, rejections without a reason), as
 * real data would.
 */
final class Baseline {
    private static final String[] REASONS = {
        "CONTRACT_EXPIRED", "EMPLOYER_TERMINATED", "EMPLOYER_CLOSED", "MUTUAL_AGREEMENT", "VOLUNTARY",
        "OTHER_INVOLUNTARY",
    };
    private static final int[] REASON_CUMULATIVE = Rng.cumulative(30, 20, 8, 30, 7, 5);
    private static final int[] DURATIONS = {3, 6, 9, 12, 15, 18, 21, 24};
    private static final int[] DURATION_CUMULATIVE = Rng.cumulative(6, 10, 8, 34, 10, 16, 6, 10);
    private static final int[] LEVEL_CUMULATIVE = Rng.cumulative(2, 8, 25, 30, 35); // levels 1..5

    private final long seed;
    private final int persons;
    private final int claimsPerMille;
    private final int months;
    private final LocalDate asOf;
    private final LocalDate scopeStart;
    private final int mD;
    private final int m0;
    private final Ids ids;
    private final Out out;
    private final BadRows bad;
    private final String[] periods;
    private final int periodBase;

    final int active;
    final int total;
    private final String[] empId;
    private final String[] empRegion;
    private final byte[] empCity;
    private final byte[] empInd;

    private final String[][] cityOrgs;
    private final String[][] cityOrgRegions;
    private final String[] provOrgs;
    private static final String[] OUT_ORGS = {"ORG11010001", "ORG31010001", "ORG22010001", "ORG37010001"};
    private static final String[] OUT_ORG_REGIONS = {"110105", "310115", "220104", "370102"};

    // per-person scratch state (single-threaded)
    private final int[] spE = new int[6];
    private final int[] spF = new int[6];
    private final int[] spT = new int[6];
    private int ns;
    private String cRegion;
    private LocalDate cBs;
    private LocalDate cBe;
    private boolean cPaid;

    Baseline(Options o, Ids ids, Out out, BadRows bad) {
        this.seed = o.seed();
        this.persons = o.persons();
        this.claimsPerMille = o.claimsPerMille();
        this.months = o.months();
        this.asOf = o.asOf();
        this.scopeStart = asOf.minusDays(365);
        this.mD = o.asOfMonth();
        this.m0 = o.firstMonth();
        this.ids = ids;
        this.out = out;
        this.bad = bad;
        this.periodBase = m0 - 12;
        this.periods = new String[months + 30];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = Dates.period(periodBase + i);
        }
        this.active = activeEmployers(persons);
        this.total = active + dormantEmployers(persons);
        this.empId = new String[active];
        this.empRegion = new String[active];
        this.empCity = new byte[active];
        this.empInd = new byte[active];

        double certs = 0.23 * persons;
        cityOrgs = new String[Geo.CITIES.length][];
        cityOrgRegions = new String[Geo.CITIES.length][];
        for (int c = 0; c < Geo.CITIES.length; c++) {
            Geo.City city = Geo.CITIES[c];
            int n = (int) Math.max(2, Math.round(certs * city.weight / 100.0 * 0.85 / 600));
            cityOrgs[c] = new String[n];
            cityOrgRegions[c] = new String[n];
            for (int k = 0; k < n; k++) {
                SplittableRandom r = Rng.of(seed, 3, c * 100_000L + k);
                cityOrgs[c][k] = "ORG" + city.code4 + Ids.pad(k + 1, 4);
                cityOrgRegions[c][k] = r.nextInt(100) < 25 ? city.code6() : city.district(r);
            }
        }
        int np = (int) Math.max(2, Math.round(certs * 0.12 / 600));
        provOrgs = new String[np];
        for (int k = 0; k < np; k++) {
            provOrgs[k] = "ORG2100" + Ids.pad(k + 1, 4);
        }
    }

    static int activeEmployers(int persons) {
        return Math.max(20, persons / 15);
    }

    static int dormantEmployers(int persons) {
        return Math.max(380, activeEmployers(persons) / 10);
    }

    /** Rows of employers.csv written by the baseline. */
    static long employerRows(int persons) {
        return activeEmployers(persons) + dormantEmployers(persons);
    }

    String anEmployerId() {
        return empId[0];
    }

    String anEmployerRegion() {
        return empRegion[0];
    }

    // ------------------------------------------------------------------------------------ employers

    void writeEmployers() {
        Set<String> names = new HashSet<>();
        Sink s = out.sink(Extract.EMPLOYERS);
        LocalDate activeLatest = Dates.first(m0).minusDays(200);
        LocalDate early = LocalDate.of(1998, 1, 1);
        for (int j = 0; j < total; j++) {
            bad.beforeEmployer(j, total);
            SplittableRandom r = Rng.of(seed, 1, j);
            int city = Geo.pickCity(r);
            Geo.City c = Geo.CITIES[city];
            int ind = Lexicon.pickIndustry(r);
            String region = r.nextInt(100) < 80 ? c.district(r) : c.code6();
            String id = ids.credit(region, r);
            String name = Lexicon.employerName(c, ind, r);
            for (int t = 0; t < 8 && !names.add(name); t++) {
                name = Lexicon.employerName(c, ind, r);
            }
            LocalDate enrolled;
            if (j < active) {
                enrolled = early.plusDays(r.nextInt((int) Math.max(1, DAYS.between(early, activeLatest))));
                empId[j] = id;
                empRegion[j] = region;
                empCity[j] = (byte) city;
                empInd[j] = (byte) ind;
            } else {
                LocalDate from = LocalDate.of(1995, 1, 1);
                enrolled = from.plusDays(r.nextInt((int) Math.max(1, DAYS.between(from, asOf.minusDays(60)))));
            }
            s.row(id, name, region, r.nextInt(100) < 4 ? null : enrolled.toString());
        }
        bad.afterEmployers();
    }

    // -------------------------------------------------------------------------------------- persons

    void writePersons(Progress progress) {
        for (int i = 0; i < persons; i++) {
            bad.beforePerson(i, persons);
            person(i);
            if ((i + 1) % 100_000 == 0) {
                progress.persons(i + 1);
            }
        }
    }

    private int pickEmployer(SplittableRandom r) {
        double u = r.nextDouble();
        int idx = (int) (active * StrictMath.pow(u, 1.7));
        return Math.min(idx, active - 1);
    }

    private void span(int e, int from, int to) {
        if (from <= to && ns < spE.length) {
            spE[ns] = e;
            spF[ns] = from;
            spT[ns] = to;
            ns++;
        }
    }

    private int employerAt(int month) {
        for (int k = 0; k < ns; k++) {
            if (spF[k] <= month && month <= spT[k]) {
                return spE[k];
            }
        }
        return -1;
    }

    private int insuredBefore(int month) {
        int n = 0;
        for (int k = 0; k < ns; k++) {
            int to = Math.min(spT[k], month - 1);
            if (to >= spF[k]) {
                n += to - spF[k] + 1;
            }
        }
        return n;
    }

    private void person(int i) {
        SplittableRandom r = Rng.of(seed, 2, i);
        ns = 0;
        cRegion = null;
        cBs = null;
        cBe = null;
        cPaid = false;

        boolean male = r.nextInt(100) < 54;
        int e0 = pickEmployer(r);
        int city = empCity[e0];
        int age = male ? 22 + (r.nextInt(20) + r.nextInt(20)) : 22 + (r.nextInt(17) + r.nextInt(17));
        LocalDate birth = asOf.minusYears(age).minusDays(r.nextInt(365));
        int dr = r.nextInt(100);
        String district = dr < 72 ? Geo.CITIES[city].district(r)
                : dr < 95 ? Geo.CITIES[Geo.pickCity(r)].district(r)
                : Geo.OTHER_PROVINCE_DISTRICTS[r.nextInt(Geo.OTHER_PROVINCE_DISTRICTS.length)];
        String pid = ids.person(district, birth, male, r);
        String job = Lexicon.job(empInd[e0], r);
        double ln = (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 0.6;
        long wageYuan = Math.round(Geo.CITIES[city].wageMedian * StrictMath.exp(ln) / 10) * 10;
        wageYuan = Math.max(4200, Math.min(25000, wageYuan));

        int roll = r.nextInt(1000);
        if (claimsPerMille != Options.DEFAULT_CLAIMS_PER_MILLE) {
            // another claim share (province-scale benchmarks): the other life courses keep their
            // proportions, and the default shape keeps its random stream (sample-data unchanged)
            roll = roll < claimsPerMille ? roll * 35 / claimsPerMille
                    : 35 + (roll - claimsPerMille) * 965 / (1000 - claimsPerMille);
        }
        if (roll < 35) {
            claimant(r, pid, male, e0);
        } else if (roll < 115) { // changes employer once
            int k = m0 + 1 + r.nextInt(Math.max(1, months - 3));
            int gap = r.nextInt(3);
            int e1 = pickEmployer(r);
            span(e0, m0, Math.min(k, mD));
            span(e1 == e0 ? (e0 + 1) % active : e1, k + 1 + gap, mD);
        } else if (roll < 165) { // gap months (unpaid leave, arrears)
            int g = m0 + 2 + r.nextInt(Math.max(1, months - 6));
            int len = 1 + r.nextInt(3);
            span(e0, m0, Math.min(g - 1, mD));
            span(e0, g + len, mD);
        } else if (roll < 215) { // left and did not claim
            int stop = Math.min(mD - 1, m0 + 2 + r.nextInt(Math.max(1, months - 3)));
            span(e0, m0, stop);
            if (r.nextInt(100) < 30) {
                LocalDate on = Dates.first(stop + 1).plusDays(r.nextInt(20));
                if (!on.isAfter(asOf)) {
                    LocalDate end = r.nextBoolean() ? on.plusDays(60 + r.nextInt(150)) : null;
                    if (end != null && end.isAfter(asOf)) {
                        end = null;
                    }
                    out.row(Extract.REGISTRATIONS, new String[] {pid, empRegion[e0], on.toString(), Dates.iso(end)});
                }
            }
        } else if (roll < 295) { // hired during the window
            span(e0, m0 + 1 + r.nextInt(Math.max(1, months - 2)), mD);
        } else {
            span(e0, m0, mD);
        }

        writeContributions(pid, wageYuan);
        certificates(r, pid, e0, job);
    }

    private void writeContributions(String pid, long wageYuan) {
        Sink s = out.sink(Extract.CONTRIBUTIONS);
        String[] last = null;
        for (int k = 0; k < ns; k++) {
            int e = spE[k];
            String eid = empId[e];
            String region = empRegion[e];
            for (int m = Math.max(spF[k], periodBase); m <= spT[k]; m++) {
                // contribution bases are adjusted every July: +4 % per July in (m0, m]
                int julys = Math.floorDiv(m - 6, 12) - Math.floorDiv(m0 - 6, 12);
                long w = (wageYuan * (100 + 4L * Math.max(0, julys)) + 50) / 100;
                String period = periods[m - periodBase];
                s.put(pid);
                s.put(',');
                s.put(eid);
                s.put(',');
                s.put(period);
                s.put(',');
                s.put(region);
                s.put(',');
                s.putCents(w * 100);
                s.put(',');
                s.putCents(w);
                s.endRow();
                if (m == spT[k] && k == ns - 1) {
                    last = new String[] {pid, eid, period, region, Dates.money(w * 100), Dates.money(w)};
                }
            }
        }
        if (last != null) {
            s.setLast(last);
        }
    }

    // ---------------------------------------------------------------------------------------- claims

    private void claimant(SplittableRandom r, String pid, boolean male, int e0) {
        int lo = m0 + Math.min(6, months - 1);
        int s = lo + r.nextInt(Math.max(1, mD - lo + 1));
        LocalDate sep = Dates.first(s).plusDays(r.nextInt(Dates.length(s)));
        if (sep.isAfter(asOf.minusDays(3))) {
            sep = asOf.minusDays(3 + r.nextInt(20));
            s = Dates.month(sep);
        }
        int lastPaid = sep.getDayOfMonth() >= 10 ? s : s - 1;
        int start = m0;
        if (s - 12 > m0 && r.nextInt(5) == 0) {
            start = m0 + r.nextInt(s - 12 - m0 + 1);
        }
        span(e0, start, lastPaid);

        Geo.City city = Geo.CITIES[empCity[e0]];
        String region = r.nextInt(5) == 0 ? city.code6() : empRegion[e0];
        int lag = r.nextInt(100) < 75 ? 1 + r.nextInt(14) : 15 + r.nextInt(46);
        LocalDate app = Dates.min(sep.plusDays(lag), asOf);
        lag = (int) DAYS.between(sep, app);
        String reason = REASONS[Rng.weighted(r, REASON_CUMULATIVE)];

        String status = null;
        LocalDate dec = null;
        LocalDate bs = null;
        LocalDate be = null;
        String reject = null;
        String monthly = null;
        int reemployFrom = Integer.MAX_VALUE;
        int roll = r.nextInt(1000);
        if (roll < 30 || (reason.equals("VOLUNTARY") && roll < 150)) {
            status = "WITHDRAWN";
            if (r.nextBoolean()) {
                reemployFrom = Dates.month(app) + 1 + r.nextInt(3);
            }
        } else {
            int k = r.nextInt(100) < 95 ? 2 + r.nextInt(8) : 11 + r.nextInt(8);
            dec = WorkCalendar.addWorkingDays(app, k);
            if (dec.isAfter(asOf)) {
                if (!WorkCalendar.deadline(app).isBefore(asOf)) {
                    status = "RECEIVED";
                    dec = null;
                } else {
                    dec = Dates.max(app, WorkCalendar.onOrBefore(asOf));
                }
            }
        }
        if (status == null) {
            if (reason.equals("VOLUNTARY")) {
                status = "REJECTED";
                reject = Lexicon.VOLUNTARY_REASON;
            } else if (r.nextInt(100) < 6) {
                status = "REJECTED";
                reject = r.nextInt(100) < 10 ? null : Lexicon.REJECT_REASONS[r.nextInt(Lexicon.REJECT_REASONS.length)];
            }
            if (status != null) {
                if (r.nextBoolean()) {
                    reemployFrom = Dates.month(dec) + 1 + r.nextInt(4);
                }
            } else {
                bs = app;
                int dur = DURATIONS[Rng.weighted(r, DURATION_CUMULATIVE)];
                LocalDate planned = bs.plusMonths(dur).minusDays(1);
                int fate = r.nextInt(100);
                LocalDate end = planned;
                boolean suspended = false;
                int span = (int) Math.max(2, DAYS.between(bs, planned));
                if (fate < 25) {
                    end = bs.plusDays(30 + r.nextInt(Math.max(1, span - 30)));
                } else if (fate < 28) {
                    suspended = true;
                    end = bs.plusDays(20 + r.nextInt(Math.max(1, span - 20)));
                }
                end = Dates.max(end, dec.plusDays(1));
                if (end.isBefore(asOf)) {
                    status = suspended ? "SUSPENDED" : "ENDED";
                    be = end;
                    if (!suspended && r.nextInt(100) < 65) {
                        reemployFrom = Dates.month(be) + 1 + r.nextInt(3);
                    }
                } else {
                    status = DAYS.between(dec, asOf) < 5 && r.nextBoolean() ? "APPROVED" : "PAYING";
                    be = planned;
                }
                monthly = Dates.money(city.benefitCents);
                cRegion = region;
                cBs = bs;
                cBe = be;
                cPaid = true;
            }
        }
        if (reemployFrom <= mD) {
            int e1 = pickEmployer(r);
            span(e1, reemployFrom, mD);
        }

        String ret = male ? (r.nextInt(100) < 60 ? "M60" : null)
                : (r.nextInt(100) < 35 ? "F50" : r.nextInt(100) < 40 ? "F55" : null);
        String phone = r.nextInt(100) < 93 ? ids.phone(r) : null;
        String account = r.nextInt(100) < 90 ? Ids.bankAccount(r) : null;
        int ru = r.nextInt(100);
        String regFlag = ru < 80 ? "Y" : ru < 85 ? "N" : null;
        String name = Lexicon.personName(male, r);
        out.row(Extract.CLAIMS, new String[] {
            ids.claimId(region, app), pid, name, region, empId[e0], sep.toString(), reason, app.toString(), status,
            Dates.iso(dec), reject, Dates.iso(bs), Dates.iso(be), monthly, ret, phone, account, regFlag,
        });

        // unemployment registration (公共就业服务机构) for most claimants
        boolean register = status.equals("WITHDRAWN") ? r.nextInt(100) < 30 : r.nextInt(100) < 92;
        if (register) {
            LocalDate on = r.nextInt(100) < 70 ? app : app.minusDays(r.nextInt(Math.min(6, lag + 1)));
            LocalDate ended = null;
            if (reemployFrom <= mD) {
                ended = Dates.first(reemployFrom).minusDays(1 + r.nextInt(5));
            } else if (status.equals("ENDED") || status.equals("SUSPENDED")) {
                ended = be.plusDays(r.nextInt(15));
            } else if (status.equals("REJECTED") && r.nextBoolean()) {
                ended = dec.plusDays(30 + r.nextInt(60));
            }
            if (ended != null && (ended.isAfter(asOf) || ended.isBefore(on))) {
                ended = null;
            }
            out.row(Extract.REGISTRATIONS, new String[] {pid, region, on.toString(), Dates.iso(ended)});
        }

        if (cPaid) {
            medical(r, pid, region, city, bs, be);
        }
    }

    private void medical(SplittableRandom r, String pid, String region, Geo.City city, LocalDate bs, LocalDate be) {
        int from = Dates.month(bs);
        int to = Dates.month(Dates.min(be, asOf));
        int selfFrom = Integer.MAX_VALUE;
        int selfTo = -1;
        if (r.nextInt(100) < 6 && to > from) {
            selfFrom = from + 1 + r.nextInt(to - from);
            selfTo = Math.min(to, selfFrom + r.nextInt(3));
        }
        String[] last = null;
        for (int m = from; m <= to; m++) {
            String period = Dates.period(m);
            boolean self = m >= selfFrom && m <= selfTo;
            if (self) {
                long cents = 30000 + r.nextInt(35000);
                out.row(Extract.MEDICAL, last = new String[] {pid, period, "SELF", Dates.money(cents), region});
                if (r.nextInt(100) < 25) {
                    out.row(Extract.MEDICAL, last = new String[] {
                        pid, period, "AGENCY", Dates.money(Geo.medicalCents(city, m / 12)), region});
                }
            } else if (r.nextInt(100) < 97) {
                out.row(Extract.MEDICAL, last = new String[] {
                    pid, period, "AGENCY", Dates.money(Geo.medicalCents(city, m / 12)), region});
            }
        }
    }

    // --------------------------------------------------------------------- certificates and subsidies

    private void certificates(SplittableRandom r, String pid, int e0, String job) {
        int roll = r.nextInt(1000);
        int n = roll < 800 ? 0 : roll < 970 ? 1 : 2;
        String appliedOccLevel = null;
        int city = empCity[e0];
        for (int c = 0; c < n; c++) {
            LocalDate issue = asOf.minusDays(r.nextInt(6 * 365));
            boolean related = r.nextInt(100) < 88;
            int fam = related ? empInd[e0] : Lexicon.pickIndustry(r);
            related = related || fam == empInd[e0];
            String occ = Lexicon.certOccupation(fam, r);
            int level = 1 + Rng.weighted(r, LEVEL_CUMULATIVE);
            boolean skill = r.nextInt(100) < (occ.startsWith("6-31") || occ.startsWith("6-18-02") ? 50 : 78);
            int o = r.nextInt(1000);
            String org;
            String orgRegion;
            if (o < 850) {
                int k = r.nextInt(cityOrgs[city].length);
                org = cityOrgs[city][k];
                orgRegion = cityOrgRegions[city][k];
            } else if (o < 980) {
                org = provOrgs[r.nextInt(provOrgs.length)];
                orgRegion = Geo.PROVINCE;
            } else if (o < 995) {
                int oc = Geo.pickCity(r);
                int k = r.nextInt(cityOrgs[oc].length);
                org = cityOrgs[oc][k];
                orgRegion = cityOrgRegions[oc][k];
            } else {
                int k = r.nextInt(OUT_ORGS.length);
                org = OUT_ORGS[k];
                orgRegion = OUT_ORG_REGIONS[k];
            }
            String certNo = ids.certificateNo(skill, orgRegion.substring(0, 4), issue.getYear());
            boolean valid = r.nextInt(1000) >= 5;
            String type = skill ? "SKILL_LEVEL" : "QUALIFICATION";
            out.row(Extract.CERTIFICATES, new String[] {
                certNo, pid, type, occ, Integer.toString(level), issue.toString(), org, orgRegion,
                valid ? "VALID" : "REVOKED",
            });

            String occLevel = occ + "/" + level;
            if (!valid || !related || occLevel.equals(appliedOccLevel) || r.nextInt(100) >= 30) {
                continue;
            }
            int lagDays = 10 + Math.min(r.nextInt(330), r.nextInt(330));
            LocalDate app = issue.plusDays(lagDays);
            if (app.isAfter(asOf)) {
                continue;
            }
            boolean provincial = orgRegion.equals(Geo.PROVINCE);
            int am = Dates.month(app);
            int emp = am < m0 ? e0 : employerAt(am);
            String type2;
            String employer = null;
            String region;
            String jobCode = null;
            if (emp >= 0) {
                if (!provincial && !orgRegion.startsWith(Geo.CITIES[empCity[emp]].code4)) {
                    continue;
                }
                if (!app.isBefore(scopeStart) && insuredBefore(am) < 12) {
                    continue;
                }
                type2 = "EMPLOYEE";
                employer = empId[emp];
                region = empRegion[emp];
                jobCode = r.nextInt(100) < 80 ? job : null;
            } else if (cPaid && !app.isBefore(cBs) && !app.isAfter(Dates.min(cBe, asOf))) {
                if (!provincial && !orgRegion.startsWith(cRegion.substring(0, 4))) {
                    continue;
                }
                type2 = "CLAIMANT";
                region = cRegion;
            } else {
                continue;
            }
            int payLag = 20 + r.nextInt(41);
            int st = r.nextInt(100);
            String status;
            LocalDate paid = null;
            if (st < 7) {
                status = "REJECTED";
            } else if (!app.plusDays(payLag).isAfter(asOf) && st < 97) {
                status = "PAID";
                paid = app.plusDays(payLag);
            } else {
                status = "RECEIVED";
            }
            appliedOccLevel = occLevel;
            out.row(Extract.SUBSIDIES, new String[] {
                ids.subsidyId(region, app), pid, type2, employer, region, jobCode, certNo, type, occ,
                Integer.toString(level), issue.toString(), org, Dates.money(subsidyCents(level)), app.toString(),
                status, Dates.iso(paid),
            });
        }
    }

    /** 技能提升补贴 standard by level: 五级 1000, 四级 1500, 三级 2000, 二级 2500, 一级 3000 yuan. */
    static long subsidyCents(int level) {
        return (1000 + 500L * (5 - level)) * 100;
    }

    /** Progress callback. */
    interface Progress {
        void persons(int done);
    }
}
