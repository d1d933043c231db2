package org.fundguard.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the extract folder of a "delta night" for the benchmark: the night after a full run, a
 * small folder of new rows, as the provincial systems deliver them (extracts are deltas).
 *
 * <pre>
 *   java -cp target/test-classes:$(cat cp.txt) org.fundguard.bench.DeltaNight \
 *       --from FULLDIR --out DELTADIR [--as-of yyyy-MM-dd] [--share 1] [--seed 20261126]
 * </pre>
 *
 * <ul>
 *   <li>{@code contributions.csv}: new contribution months. P = the month after the latest period
 *       of FULLDIR (the latest with at least half the rows of the busiest one: 2026-12 for a full
 *       set as of 2026-11-25). Persons with a contribution in the latest period and no claim in
 *       FULLDIR (so nobody drawing benefits is re-employed by the delta), chosen by a seeded hash
 *       of {@code person_id}, get a row for P with the same employer, region, wage base and
 *       amount (employers declaring the new month). As many persons are chosen as make
 *       {@code share} % of the contribution rows of FULLDIR.</li>
 *   <li>{@code claims.csv}: {@code share} % of the number of claims of FULLDIR as new claims
 *       (new {@code claim_id}s continuing FULLDIR's running number), status {@code RECEIVED}
 *       (no decision fields), of persons of FULLDIR who have no claim there yet and contributed
 *       in the latest period (a disjoint hash bucket from the persons above, so nobody separates
 *       and gets a new month at once): last employer and region from that contribution,
 *       separated in the latest period on or after its 10th day (so its contribution is paid),
 *       applied on the as-of date or up to three days before it, never before the separation.</li>
 *   <li>the other five files: the header line of FULLDIR's file only.</li>
 * </ul>
 *
 * The default as-of date is the first day of P, so that the rules see the new month (periods after
 * the as-of month are loaded but ignored by the rules). Streams the files (two passes over
 * contributions.csv, no per-row state); keeps only the person ids of FULLDIR's claimants (as
 * longs) and the few thousand claim candidates. Same input, same arguments: same output.
 */
public final class DeltaNight {

    private static final String[] OTHER_FILES = {"employers", "subsidies", "certificates", "registrations", "medical"};
    private static final String[] CONTRIBUTION_COLUMNS = {
        "person_id", "employer_id", "period", "region_code", "wage_base", "amount",
    };
    private static final String CLAIM_HEADER = "claim_id,person_id,person_name,region_code,last_employer_id,separation_date,"
            + "separation_reason,application_date,status,decision_date,reject_reason,benefit_start,benefit_end,"
            + "monthly_benefit,retirement_category,phone,bank_account,registered_unemployed";
    private static final String[] REASONS = {
        "CONTRACT_EXPIRED", "EMPLOYER_TERMINATED", "EMPLOYER_CLOSED", "MUTUAL_AGREEMENT", "VOLUNTARY", "OTHER_INVOLUNTARY",
    };
    private static final int[] REASON_WEIGHTS = {30, 20, 8, 30, 7, 5};
    private static final String[] SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            + "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
            + "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
            .split("");
    private static final String[] MALE = ("伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发"
            + "武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪"
            + "心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启"
            + "克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘")
            .split("");
    private static final String[] FEMALE = ("秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹"
            + "霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶"
            + "怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希"
            + "宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅"
            + "剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟")
            .split("");
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185",
        "186", "187", "188", "189", "191", "195", "198", "199",
    };
    private static final String[] CARD_PREFIXES = {"6217", "6222", "6228", "6216", "6212", "6214", "6226", "6225"};
    private static final int FIRST_YEAR = 1999;
    private static final int FIRST_YEAR_BEYOND = 2200;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private DeltaNight() {
    }

    public static void main(String[] args) throws IOException {
        Path from = null;
        Path out = null;
        LocalDate asOf = null;
        double share = 1;
        long seed = 20261126L;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--from" -> from = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--as-of" -> asOf = LocalDate.parse(v);
                case "--share" -> share = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> usage("unknown option " + a);
            }
        }
        if (from == null || out == null) {
            usage("--from and --out are required");
        }
        if (!(share > 0 && share <= 100)) {
            usage("--share is a percentage in (0, 100]");
        }
        long t0 = System.nanoTime();
        Files.createDirectories(out);
        new DeltaNight().run(from, out, asOf, share, seed);
        System.err.printf(Locale.ROOT, "delta: written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void usage(String problem) {
        System.err.println("DeltaNight: " + problem);
        System.err.println("usage: DeltaNight --from FULLDIR --out DELTADIR [--as-of yyyy-MM-dd] [--share PERCENT] [--seed N]");
        System.exit(2);
    }

    // ----------------------------------------------------------------------------------- the run

    private void run(Path from, Path out, LocalDate asOfArg, double share, long seed) throws IOException {
        // claims.csv of FULLDIR: who has claimed already, and the running number of claim ids
        Claims full = readClaims(from.resolve("claims.csv"));

        // contributions.csv, pass 1: rows per period. The latest period is the latest one with at least
        // half the rows of the busiest period (a few rows dated after the full set's as-of month, which
        // the rules ignore until a later as-of date, do not count as the latest month).
        Path contributions = from.resolve("contributions.csv");
        int[] col = contributionColumns(contributions);
        int[] start = new int[Arrays.stream(col).max().orElse(0) + 1];
        int[] end = new int[start.length];
        long[] perMonth = new long[(FIRST_YEAR_BEYOND - FIRST_YEAR) * 12];
        long[] eligiblePerMonth = new long[perMonth.length]; // rows of persons without a claim in FULLDIR
        long rows = 0;
        try (BufferedReader in = reader(contributions)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || !split(line, start, end)) {
                    continue;
                }
                rows++;
                int m = month(line, start[col[2]], end[col[2]]) - FIRST_YEAR * 12;
                if (m >= 0 && m < perMonth.length) {
                    perMonth[m]++;
                    if (!full.hasClaimed(line, start[col[0]], end[col[0]])) {
                        eligiblePerMonth[m]++;
                    }
                }
            }
        }
        long busiest = Arrays.stream(perMonth).max().orElse(0);
        if (busiest == 0) {
            throw new IllegalStateException(contributions + " has no rows");
        }
        int latest = perMonth.length - 1;
        while (2 * perMonth[latest] < busiest) {
            latest--;
        }
        long latestRows = perMonth[latest];
        long eligibleRows = eligiblePerMonth[latest];
        latest += FIRST_YEAR * 12;
        int newMonth = latest + 1;
        LocalDate asOf = asOfArg != null ? asOfArg : firstDay(newMonth);
        if (YearMonth.from(asOf).getYear() * 12 + YearMonth.from(asOf).getMonthValue() - 1 < newMonth) {
            System.err.println("delta: warning: the new period " + period(newMonth) + " is after the as-of month of " + asOf
                    + "; the rules ignore it until a later run's as-of date reaches it");
        }
        long targetContributions = Math.round(rows * share / 100);
        int targetClaims = (int) Math.round(full.rows * share / 100.0);
        // person buckets by hash: [0, fc) new month, [fc, fc + fk) claim candidates (with some spare)
        double fc = Math.min(1.0, (double) targetContributions / eligibleRows);
        double fk = Math.min(1.0 - fc, 1.5 * targetClaims / eligibleRows + 1e-4);

        // contributions.csv, pass 2: write the new month; collect claim candidates
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        long written = 0;
        try (BufferedReader in = reader(contributions);
             BufferedWriter w = writer(out.resolve("contributions.csv"))) {
            in.readLine();
            w.write(String.join(",", CONTRIBUTION_COLUMNS));
            w.write('\n');
            String newPeriod = period(newMonth);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || !split(line, start, end) || month(line, start[col[2]], end[col[2]]) != latest
                        || full.hasClaimed(line, start[col[0]], end[col[0]])) {
                    continue;
                }
                double u = unit(hash(line, start[col[0]], end[col[0]], seed));
                if (u < fc) {
                    w.write(line, start[col[0]], end[col[0]] - start[col[0]]);
                    w.write(',');
                    w.write(line, start[col[1]], end[col[1]] - start[col[1]]);
                    w.write(',');
                    w.write(newPeriod);
                    for (int k = 3; k < 6; k++) {
                        w.write(',');
                        w.write(line, start[col[k]], end[col[k]] - start[col[k]]);
                    }
                    w.write('\n');
                    written++;
                } else if (u < fc + fk) {
                    String person = line.substring(start[col[0]], end[col[0]]).toUpperCase(Locale.ROOT);
                    candidates.putIfAbsent(person, new Candidate(u, person, line.substring(start[col[1]], end[col[1]]),
                            line.substring(start[col[3]], end[col[3]])));
                }
            }
        }

        // claims.csv: the candidates with the lowest hashes, in that order
        List<Candidate> chosen = new ArrayList<>(candidates.values());
        chosen.sort((a, b) -> Double.compare(a.u, b.u));
        chosen = chosen.subList(0, Math.min(targetClaims, chosen.size()));
        LocalDate sepFrom = firstDay(latest).plusDays(9);
        LocalDate sepTo = YearMonth.of(latest / 12, latest % 12 + 1).atEndOfMonth();
        LocalDate appFrom = asOf.minusDays(3);
        long seq = full.maxSeq;
        try (BufferedWriter w = writer(out.resolve("claims.csv"))) {
            w.write(CLAIM_HEADER);
            w.write('\n');
            for (Candidate c : chosen) {
                SplittableRandom r = new SplittableRandom(seed ^ hash(c.person, 0, c.person.length(), seed + 1));
                LocalDate app = appFrom.plusDays(r.nextInt((int) (asOf.toEpochDay() - appFrom.toEpochDay()) + 1));
                long sepSpan = sepTo.toEpochDay() - sepFrom.toEpochDay();
                LocalDate sep = sepFrom.plusDays(sepSpan <= 0 ? 0 : r.nextLong(sepSpan + 1));
                if (sep.isAfter(app)) {
                    sep = app.minusDays(r.nextInt(3));
                }
                boolean male = (c.person.charAt(16) - '0') % 2 == 1;
                String region = r.nextInt(5) == 0 ? c.region.substring(0, 4) + "00" : c.region;
                String ret = male ? (r.nextInt(100) < 60 ? "M60" : "")
                        : (r.nextInt(100) < 35 ? "F50" : r.nextInt(100) < 40 ? "F55" : "");
                String phone = r.nextInt(100) < 93 ? phone(r) : "";
                String account = r.nextInt(100) < 90 ? bankAccount(r) : "";
                int ru = r.nextInt(100);
                String registered = ru < 80 ? "Y" : ru < 85 ? "N" : "";
                String claimId = region + app.format(COMPACT) + pad(++seq, 6);
                w.write(String.join(",", claimId, c.person, name(male, r), region, c.employer, sep.toString(),
                        REASONS[weighted(r, REASON_WEIGHTS)], app.toString(), "RECEIVED", "", "", "", "", "", ret, phone,
                        account, registered));
                w.write('\n');
            }
        }

        // the other files: header only
        for (String f : OTHER_FILES) {
            Path src = from.resolve(f + ".csv");
            if (!Files.exists(src)) {
                continue;
            }
            String header;
            try (BufferedReader in = reader(src)) {
                header = in.readLine();
            }
            try (BufferedWriter w = writer(out.resolve(f + ".csv"))) {
                w.write(header == null ? "" : header);
                w.write('\n');
            }
        }
        System.err.printf(Locale.ROOT, "delta: %s as of %s: contributions.csv %,d rows (period %s; %.2f %% of %,d rows, "
                        + "%,d rows in %s), claims.csv %,d rows (%.2f %% of %,d), 5 header-only files%n",
                out, asOf, written, period(newMonth), 100.0 * written / rows, rows, latestRows, period(latest), chosen.size(),
                100.0 * chosen.size() / full.rows, full.rows);
    }

    private record Candidate(double u, String person, String employer, String region) {
    }

    // ------------------------------------------------------------------------------ FULLDIR claims

    /** What the delta needs of FULLDIR's claims: claimants (sorted person ids as longs), running number. */
    private static final class Claims {
        long rows;
        long maxSeq;
        long[] claimants = new long[1024];
        int n;

        boolean hasClaimed(String s, int from, int to) {
            return to - from == 18 && Arrays.binarySearch(claimants, 0, n, personKey(s, from)) >= 0;
        }
    }

    private static Claims readClaims(Path file) throws IOException {
        Claims c = new Claims();
        try (BufferedReader in = reader(file)) {
            List<String> header = parseRecord(in, in.readLine());
            int id = indexOf(header, "claim_id", file);
            int person = indexOf(header, "person_id", file);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = parseRecord(in, line);
                if (f.size() != header.size()) {
                    continue;
                }
                c.rows++;
                String claimId = f.get(id).trim();
                if (claimId.length() > 14 && claimId.chars().allMatch(Character::isDigit)) {
                    c.maxSeq = Math.max(c.maxSeq, Long.parseLong(claimId.substring(14)));
                }
                String p = f.get(person).trim().toUpperCase(Locale.ROOT);
                if (p.length() == 18) {
                    if (c.n == c.claimants.length) {
                        c.claimants = Arrays.copyOf(c.claimants, 2 * c.n);
                    }
                    c.claimants[c.n++] = personKey(p, 0);
                }
            }
        }
        Arrays.sort(c.claimants, 0, c.n);
        return c;
    }

    /** The 17 digits of a person id and its check character (X = 10) as one long. */
    private static long personKey(String s, int from) {
        long k = 0;
        for (int i = from; i < from + 17; i++) {
            k = k * 10 + (s.charAt(i) - '0');
        }
        char check = Character.toUpperCase(s.charAt(from + 17));
        return k * 11 + (check == 'X' ? 10 : check - '0');
    }

    // ------------------------------------------------------------------------------------ CSV

    private static BufferedReader reader(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Column positions of contributions.csv, in the order of {@link #CONTRIBUTION_COLUMNS}. */
    private static int[] contributionColumns(Path file) throws IOException {
        try (BufferedReader in = reader(file)) {
            List<String> header = parseRecord(in, in.readLine());
            int[] col = new int[CONTRIBUTION_COLUMNS.length];
            for (int i = 0; i < col.length; i++) {
                col[i] = indexOf(header, CONTRIBUTION_COLUMNS[i], file);
            }
            return col;
        }
    }

    private static int indexOf(List<String> header, String name, Path file) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException(file + ": no column " + name);
    }

    /**
     * Bounds of the first {@code start.length} fields of an unquoted line, trimmed of spaces; false
     * for a line with quotes or with fewer fields (contribution rows have neither, see extracts.md).
     */
    private static boolean split(String line, int[] start, int[] end) {
        if (line.indexOf('"') >= 0) {
            return false;
        }
        int pos = 0;
        for (int i = 0; i < start.length; i++) {
            if (pos > line.length()) {
                return false;
            }
            int comma = line.indexOf(',', pos);
            int e = comma < 0 ? line.length() : comma;
            int s = pos;
            while (s < e && line.charAt(s) == ' ') {
                s++;
            }
            while (e > s && line.charAt(e - 1) == ' ') {
                e--;
            }
            start[i] = s;
            end[i] = e;
            pos = comma < 0 ? line.length() + 1 : comma + 1;
        }
        return true;
    }

    /** One RFC 4180 record starting with {@code first}, reading more lines while a quote is open. */
    private static List<String> parseRecord(BufferedReader in, String first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        String line = first == null ? "" : first;
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= line.length()) {
                if (!quoted) {
                    break;
                }
                String next = in.readLine();
                if (next == null) {
                    break;
                }
                f.append('\n');
                line = next;
                i = 0;
                continue;
            }
            char ch = line.charAt(i++);
            if (quoted) {
                if (ch == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    /** A period {@code yyyy-MM} or {@code yyyyMM} as a month number (year × 12 + month − 1); MIN_VALUE if neither. */
    private static int month(String s, int from, int to) {
        int len = to - from;
        if (len != 7 && len != 6) {
            return Integer.MIN_VALUE;
        }
        int y = 0;
        for (int i = from; i < from + 4; i++) {
            y = y * 10 + (s.charAt(i) - '0');
        }
        int m0 = len == 7 ? from + 5 : from + 4;
        int m = (s.charAt(m0) - '0') * 10 + (s.charAt(m0 + 1) - '0');
        return y * 12 + m - 1;
    }

    private static String period(int month) {
        return String.format(Locale.ROOT, "%04d-%02d", month / 12, month % 12 + 1);
    }

    private static LocalDate firstDay(int month) {
        return LocalDate.of(month / 12, month % 12 + 1, 1);
    }

    // ------------------------------------------------------------------------- hashing, values

    /** Seeded 64-bit hash of s[from, to), upper-cased (a lower-case x check character is the same person). */
    private static long hash(String s, int from, int to, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = from; i < to; i++) {
            h = (h ^ Character.toUpperCase(s.charAt(i))) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String name(boolean male, SplittableRandom r) {
        String[] given = male ? MALE : FEMALE;
        String s = SURNAMES[r.nextInt(SURNAMES.length)];
        if (r.nextInt(100) < 30) {
            return s + given[r.nextInt(given.length)];
        }
        return s + given[r.nextInt(given.length)] + given[r.nextInt(given.length)];
    }

    private static String phone(SplittableRandom r) {
        StringBuilder b = new StringBuilder(11).append(MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)]);
        for (int i = 0; i < 8; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String bankAccount(SplittableRandom r) {
        StringBuilder b = new StringBuilder(19).append(CARD_PREFIXES[r.nextInt(CARD_PREFIXES.length)]);
        int len = r.nextInt(100) < 80 ? 19 : 16;
        while (b.length() < len) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
