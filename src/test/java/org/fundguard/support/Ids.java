package org.fundguard.support;

import org.fundguard.extract.Identifiers;

/** Valid identifiers for test data: 公民身份号码 and 统一社会信用代码 with correct check characters. */
public final class Ids {
    private Ids() {
    }

    /** A person born on {@code yyyymmdd} in district {@code region}; odd {@code seq} = male. */
    public static String person(String region, String yyyymmdd, int seq) {
        String first17 = region + yyyymmdd + String.format("%03d", seq);
        return first17 + Identifiers.personCheckChar(first17);
    }

    /** A person in 沈阳和平区 with a sequence number; born 1980-01-01 + (n mod 20) years. */
    public static String person(int n) {
        return person("210102", String.format("%04d0101", 1960 + n % 40), n % 1000);
    }

    /** A credit code {@code 91 + region + 9 characters of n}. */
    public static String employer(String region, int n) {
        String first17 = "91" + region + String.format("MA%07d", n);
        return first17 + Identifiers.creditCheckChar(first17);
    }

    public static String employer(int n) {
        return employer("210102", n);
    }
}
