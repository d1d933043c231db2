package org.fundguard.generator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.fundguard.extract.Identifiers;

/**
 * Identifier factory: valid and unique 公民身份号码 (GB 11643), 统一社会信用代码 (GB 32100 with a
 * GB 11714 organisation code inside), phones, bank accounts, and the running numbers of claims,
 * subsidy applications and certificates. One instance per generation run, so every id is unique
 * across baseline, planted and bad rows.
 */
final class Ids {
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185",
        "186", "187", "188", "189", "191", "195", "198", "199",
    };
    private static final String[] CARD_PREFIXES = {"6217", "6222", "6228", "6216", "6212", "6214", "6226", "6225"};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final LongSet persons = new LongSet();
    private final Set<String> credits = new HashSet<>();
    private final Set<String> reservedPhones = new HashSet<>();
    private long claimSeq;
    private long subsidySeq;
    private long certSeq;

    /**
     * A new unique person id: address code {@code district}, birth date, sequence digits and a gender
     * digit (odd = male), and the GB 11643 check character.
     */
    String person(String district, LocalDate birth, boolean male, SplittableRandom r) {
        long head = Long.parseLong(district) * 100_000_000L
                + birth.getYear() * 10_000L + birth.getMonthValue() * 100L + birth.getDayOfMonth();
        int k = r.nextInt(500);
        for (int tries = 0; tries < 500; tries++) {
            int seq = 2 * ((k + tries) % 500) + (male ? 1 : 0);
            long key = head * 1000 + seq;
            if (persons.add(key)) {
                String first17 = Long.toString(key);
                return first17 + Identifiers.personCheckChar(first17);
            }
        }
        throw new IllegalStateException("no free sequence number for " + district + " " + birth);
    }

    /** A new unique person id whose check character is X (for the lower-case x rows). */
    String personWithCheckX(String district, LocalDate birth, boolean male, SplittableRandom r) {
        for (int i = 0; i < 10_000; i++) {
            String id = person(district, birth.plusDays(i % 300), male, r);
            if (id.charAt(17) == 'X') {
                return id;
            }
        }
        throw new IllegalStateException("no X check char found");
    }

    /**
     * A new unique 统一社会信用代码: {@code 9 1} (工商 / 企业), the 6-digit registration region, a GB 11714
     * organisation code (8 characters and its check character) and the GB 32100 check character.
     */
    String credit(String region, SplittableRandom r) {
        String a = Identifiers.CREDIT_ALPHABET;
        while (true) {
            StringBuilder org = new StringBuilder(9);
            if (r.nextInt(100) < 65) {
                org.append("MA");
                org.append(a.charAt(r.nextInt(10)));
                for (int i = 0; i < 5; i++) {
                    org.append(a.charAt(r.nextInt(a.length())));
                }
            } else {
                for (int i = 0; i < 8; i++) {
                    org.append((char) ('0' + r.nextInt(10)));
                }
            }
            org.append(orgCheckChar(org));
            String first17 = "91" + region + org;
            String code = first17 + Identifiers.creditCheckChar(first17);
            if (credits.add(code)) {
                return code;
            }
        }
    }

    /** GB 11714 organisation-code check character of 8 characters. */
    static char orgCheckChar(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
    }

    void reservePhone(String normalised) {
        reservedPhones.add(normalised);
    }

    String phone(SplittableRandom r) {
        while (true) {
            StringBuilder b = new StringBuilder(11).append(MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)]);
            for (int i = 0; i < 8; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            String p = b.toString();
            if (!reservedPhones.contains(p)) {
                return p;
            }
        }
    }

    static String bankAccount(SplittableRandom r) {
        StringBuilder b = new StringBuilder(19).append(CARD_PREFIXES[r.nextInt(CARD_PREFIXES.length)]);
        int len = r.nextInt(100) < 80 ? 19 : 16;
        while (b.length() < len) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** 申领业务流水号: handling office, application date, running number (e.g. 21010220260312000123). */
    String claimId(String region, LocalDate application) {
        return region + Dates.compact(application) + pad(++claimSeq, 6);
    }

    /** 补贴申领流水号, e.g. JN21010220260312000045. */
    String subsidyId(String region, LocalDate application) {
        return "JN" + region + Dates.compact(application) + pad(++subsidySeq, 6);
    }

    /**
     * 证书编号: skill-level certificates {@code S} + city + year + 8 digits, qualification certificates
     * 16 digits (year, city, running number).
     */
    String certificateNo(boolean skillLevel, String city4, int year) {
        long n = ++certSeq;
        if (skillLevel) {
            return "S" + city4 + year + pad(n, 8);
        }
        return pad(year % 100, 2) + city4 + pad(n, 10);
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    /** Open-addressing set of positive longs. */
    static final class LongSet {
        private long[] table = new long[1 << 12];
        private int size;

        boolean add(long key) {
            if (2 * (size + 1) > table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) Rng.mix(key) & mask;
            while (table[i] != 0) {
                if (table[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = key;
            size++;
            return true;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = (int) Rng.mix(k) & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = k;
                }
            }
        }
    }
}
