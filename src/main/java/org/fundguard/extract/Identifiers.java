package org.fundguard.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifier checks of extracts.md: 公民身份号码 (GB 11643-1999), 统一社会信用代码
 * (GB 32100-2015), 行政区划代码, occupation codes, phones and bank accounts. Each
 * {@code normalise*} method returns the stored form, or {@code null} when the value is invalid.
 */
public final class Identifiers {

    private static final int[] PERSON_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] PERSON_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** GB 32100 alphabet: digits and upper-case letters without I, O, Z, S, V. */
    public static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final Pattern OCCUPATION = Pattern.compile("^[1-8](-[0-9]{2}){3}(-[0-9]{2})?$");
    private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12,19}$");
    private static final Pattern MOBILE = Pattern.compile("^1[0-9]{10}$");

    private Identifiers() {
    }

    /** Province-level codes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
    public static boolean isProvinceCode(int p) {
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82;
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char personCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * PERSON_WEIGHTS[i];
        }
        return PERSON_CHECK[sum % 11];
    }

    /**
     * A valid 18-character 公民身份号码 whose birth date is a real date not after {@code asOf}
     * and whose first two digits are a province code; lower-case {@code x} becomes {@code X}.
     */
    public static String normalisePersonId(String value, LocalDate asOf) {
        if (value == null || value.length() != 18) {
            return null;
        }
        String v = value.toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            return null;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(v.charAt(i))) {
                return null;
            }
        }
        char check = v.charAt(17);
        if (!isAsciiDigit(check) && check != 'X') {
            return null;
        }
        if (!isProvinceCode(Integer.parseInt(v.substring(0, 2)))) {
            return null;
        }
        LocalDate birth = birthDate(v);
        if (birth == null || (asOf != null && birth.isAfter(asOf))) {
            return null;
        }
        return personCheckChar(v) == check ? v : null;
    }

    /** Birth date from digits 7–14, or null when it is not a calendar date. */
    public static LocalDate birthDate(String personId) {
        try {
            return LocalDate.of(Integer.parseInt(personId.substring(6, 10)),
                    Integer.parseInt(personId.substring(10, 12)), Integer.parseInt(personId.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Digit 17: odd = male. */
    public static boolean isMale(String personId) {
        return (personId.charAt(16) - '0') % 2 == 1;
    }

    /** The GB 32100 check character of the first 17 characters (which must be in the alphabet). */
    public static char creditCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A valid 统一社会信用代码, upper-cased, or null. */
    public static String normaliseEmployerId(String value) {
        if (value == null) {
            return null;
        }
        // upper-case first: a few characters (e.g. U+FB00) grow when upper-cased
        String v = value.toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            return null;
        }
        for (int i = 0; i < 18; i++) {
            if (CREDIT_ALPHABET.indexOf(v.charAt(i)) < 0) {
                return null;
            }
        }
        return creditCheckChar(v) == v.charAt(17) ? v : null;
    }

    /** Six digits whose first two are a province-level code. */
    public static String normaliseRegion(String value) {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            return null;
        }
        return isProvinceCode(Integer.parseInt(value.substring(0, 2))) ? value : null;
    }

    public static String normaliseOccupation(String value) {
        return value != null && OCCUPATION.matcher(value).matches() ? value : null;
    }

    /** Spaces and dashes removed, then a leading +86 or 86; 11 digits starting with 1. */
    public static String normalisePhone(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace(" ", "").replace("-", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        return MOBILE.matcher(v).matches() ? v : null;
    }

    /** Spaces removed, 12 to 19 digits. */
    public static String normaliseBankAccount(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace(" ", "");
        return ACCOUNT.matcher(v).matches() ? v : null;
    }

    /** 138****5678: first 3 and last 4 characters kept, the rest masked. */
    public static String mask(String value) {
        if (value == null || value.length() <= 7) {
            return value;
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
