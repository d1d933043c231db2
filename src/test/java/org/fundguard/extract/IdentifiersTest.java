package org.fundguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identifier checks of extracts.md ("Identifiers and their checks"). Expected check
 * characters are computed here, independently of {@link Identifiers}, from the weights and
 * mappings written in the contract.
 */
class IdentifiersTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    // ---- independent implementations of the contract's check algorithms (used by the other tests too) ----

    private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GB11643_MAP = "10X98765432";

    static final String GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] GB32100_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** GB 11643 check character of 17 digits: Σ digit × weight, mod 11, mapped through 1 0 X 9 8 7 6 5 4 3 2. */
    static char gb11643Check(String first17) {
        assertEquals(17, first17.length(), first17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_MAP.charAt(sum % 11);
    }

    /** A valid 公民身份号码: 17 digits plus the check character computed above. */
    static String personId(String first17) {
        return first17 + gb11643Check(first17);
    }

    /** A valid person id from a 6-digit region, a yyyyMMdd birth date and a 3-digit sequence (odd = male). */
    static String personId(String region, String birth, String seq) {
        return personId(region + birth + seq);
    }

    static int gb32100Sum(String first17) {
        assertEquals(17, first17.length(), first17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = GB32100_ALPHABET.indexOf(first17.charAt(i));
            assertTrue(value >= 0, "not in the GB 32100 alphabet: " + first17.charAt(i));
            sum += value * GB32100_WEIGHTS[i];
        }
        return sum;
    }

    /** GB 32100 check character: (31 − Σ mod 31) mod 31, written with the alphabet. */
    static char gb32100Check(String first17) {
        return GB32100_ALPHABET.charAt((31 - gb32100Sum(first17) % 31) % 31);
    }

    /** A valid 统一社会信用代码. */
    static String creditCode(String first17) {
        return first17 + gb32100Check(first17);
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    class PersonId {

        @Test
        void examplesOfTheStandardAreValid() {
            // the worked examples of GB 11643-1999, independent of any computation in this test
            assertEquals("11010519491231002X", Identifiers.normalisePersonId("11010519491231002X", AS_OF));
            assertEquals("440524188001010014", Identifiers.normalisePersonId("440524188001010014", AS_OF));
        }

        @Test
        void computedIdsAreValid() {
            Random random = new Random(11643);
            for (int n = 0; n < 500; n++) {
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
                String first17 = "210102" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
                String id = personId(first17);
                assertEquals(id, Identifiers.normalisePersonId(id, AS_OF), id);
                assertEquals(gb11643Check(first17), Identifiers.personCheckChar(first17), first17);
            }
        }

        @Test
        void everyCheckCharacterOccurs() {
            // make sure that the test ids cover all 11 check characters, X included
            Set<Character> seen = new java.util.HashSet<>();
            for (int seq = 0; seq < 200; seq++) {
                String id = personId("110105", "19491231", String.format("%03d", seq));
                seen.add(id.charAt(17));
                assertEquals(id, Identifiers.normalisePersonId(id, AS_OF), id);
            }
            assertEquals(11, seen.size(), seen.toString());
        }

        @Test
        void lowerCaseXIsNormalisedToUpperCase() {
            assertEquals("11010519491231002X", Identifiers.normalisePersonId("11010519491231002x", AS_OF));
        }

        @Test
        void everyWrongCheckCharacterIsRejected() {
            String first17 = "21010219800101001";
            char right = gb11643Check(first17);
            for (char c : "0123456789Xx".toCharArray()) {
                if (Character.toUpperCase(c) != right) {
                    assertNull(Identifiers.normalisePersonId(first17 + c, AS_OF), first17 + c);
                }
            }
            assertEquals(first17 + right, Identifiers.normalisePersonId(first17 + right, AS_OF));
        }

        @Test
        void fifteenDigitLegacyNumbersAreRejected() {
            assertNull(Identifiers.normalisePersonId("110105491231002", AS_OF));
            assertNull(Identifiers.normalisePersonId("210102800101001", AS_OF));
        }

        @Test
        void wrongLengthsAreRejected() {
            String valid = personId("210102", "19800101", "001");
            assertNull(Identifiers.normalisePersonId(valid.substring(0, 17), AS_OF));
            assertNull(Identifiers.normalisePersonId(valid + "1", AS_OF));
            assertNull(Identifiers.normalisePersonId(valid + "X", AS_OF));
            assertNull(Identifiers.normalisePersonId("", AS_OF));
            assertNull(Identifiers.normalisePersonId(null, AS_OF));
        }

        @Test
        void lettersAndOtherCharactersAreRejected() {
            assertNull(Identifiers.normalisePersonId("2101021980010100A1", AS_OF));
            assertNull(Identifiers.normalisePersonId("X10102198001010011", AS_OF));
            assertNull(Identifiers.normalisePersonId("21010219800101X01X", AS_OF)); // X only as the check character
            assertNull(Identifiers.normalisePersonId("21010219800101001Y", AS_OF));
            assertNull(Identifiers.normalisePersonId("210102 1980010100X", AS_OF));
            assertNull(Identifiers.normalisePersonId("2101021980-0101001", AS_OF));
            // full-width digits are digits for Character.isDigit, but not for the contract
            assertNull(Identifiers.normalisePersonId("２１０１０２１９８００１０１００１１", AS_OF));
        }

        @ParameterizedTest
        @ValueSource(strings = {"19", "24", "72", "83", "00", "10", "16", "20", "30", "38", "40", "47", "49", "55", "60",
                "66", "70", "80", "90", "99"})
        void provinceCodesOutsideTheListAreRejected(String province) {
            String id = personId(province + "0102", "19800101", "001"); // correct check character
            assertNull(Identifiers.normalisePersonId(id, AS_OF), id);
        }

        @ParameterizedTest
        @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "37", "41", "44", "46", "50", "54",
                "61", "65", "71", "81", "82"})
        void provinceCodesOfTheListAreAccepted(String province) {
            String id = personId(province + "0102", "19800101", "001");
            assertEquals(id, Identifiers.normalisePersonId(id, AS_OF), id);
        }

        @ParameterizedTest
        @ValueSource(strings = {"19900230", "19900229", "19000229", "19901301", "19900001", "19900100", "19900431", "19901232"})
        void birthDatesThatAreNotCalendarDatesAreRejected(String birth) {
            String id = personId("210102", birth, "001");
            assertNull(Identifiers.normalisePersonId(id, AS_OF), id);
            assertNull(Identifiers.birthDate(id), id);
        }

        @Test
        void leapDaysAreCalendarDates() {
            String id = personId("210102", "20000229", "001");
            assertEquals(id, Identifiers.normalisePersonId(id, AS_OF));
            assertEquals(LocalDate.of(2000, 2, 29), Identifiers.birthDate(id));
        }

        @Test
        void birthDateAfterTheAsOfDateIsRejected() {
            String dayAfter = personId("210102", "20250701", "001");
            String sameDay = personId("210102", "20250630", "001");
            String dayBefore = personId("210102", "20250629", "001");
            assertNull(Identifiers.normalisePersonId(dayAfter, AS_OF));
            assertEquals(sameDay, Identifiers.normalisePersonId(sameDay, AS_OF));
            assertEquals(dayBefore, Identifiers.normalisePersonId(dayBefore, AS_OF));
            // the as-of date decides, not today's date
            assertNull(Identifiers.normalisePersonId(sameDay, AS_OF.minusDays(1)));
            assertEquals(dayAfter, Identifiers.normalisePersonId(dayAfter, AS_OF.plusDays(1)));
        }

        @Test
        void genderIsDigitSeventeen() {
            for (int d = 0; d <= 9; d++) {
                String id = personId("210102", "19800101", "00" + d);
                assertEquals(d % 2 == 1, Identifiers.isMale(id), id);
            }
            assertTrue(Identifiers.isMale("440524188001010014"));       // digit 17 = 1
            assertFalse(Identifiers.isMale("11010519491231002X"));      // digit 17 = 2
        }

        @Test
        void birthDateIsDigitsSevenToFourteen() {
            assertEquals(LocalDate.of(1949, 12, 31), Identifiers.birthDate("11010519491231002X"));
            assertEquals(LocalDate.of(1880, 1, 1), Identifiers.birthDate("440524188001010014"));
        }
    }

    @Test
    void provinceCodesAreExactlyTheContractList() {
        Set<Integer> expected = new java.util.HashSet<>();
        IntStream.rangeClosed(11, 15).forEach(expected::add);
        IntStream.rangeClosed(21, 23).forEach(expected::add);
        IntStream.rangeClosed(31, 37).forEach(expected::add);
        IntStream.rangeClosed(41, 46).forEach(expected::add);
        IntStream.rangeClosed(50, 54).forEach(expected::add);
        IntStream.rangeClosed(61, 65).forEach(expected::add);
        expected.addAll(List.of(71, 81, 82));
        for (int p = 0; p <= 99; p++) {
            assertEquals(expected.contains(p), Identifiers.isProvinceCode(p), "province " + p);
        }
    }

    @Nested
    class EmployerId {

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T"})
        void publishedCodesAreValid(String code) {
            assertEquals(code, Identifiers.normaliseEmployerId(code));
        }

        @Test
        void computedCodesAreValid() {
            Random random = new Random(32100);
            for (int n = 0; n < 500; n++) {
                StringBuilder first17 = new StringBuilder();
                for (int i = 0; i < 17; i++) {
                    first17.append(GB32100_ALPHABET.charAt(random.nextInt(31)));
                }
                String code = creditCode(first17.toString());
                assertEquals(code, Identifiers.normaliseEmployerId(code), code);
                assertEquals(gb32100Check(first17.toString()), Identifiers.creditCheckChar(first17), code);
            }
        }

        @Test
        void lowerCaseIsNormalisedToUpperCase() {
            assertEquals("91350100M000100Y43", Identifiers.normaliseEmployerId("91350100m000100y43"));
            String code = creditCode("91210102MA0ABCDEF");
            assertEquals(code, Identifiers.normaliseEmployerId(code.toLowerCase()));
        }

        @ParameterizedTest
        @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'i', 'o', 'z', 's', 'v'})
        void lettersOutsideTheAlphabetAreRejectedWhateverTheCheck(char letter) {
            // the letter in the body: no check character at all makes the code valid
            String body = "91210102MA00" + letter + "0001";
            for (char check : GB32100_ALPHABET.toCharArray()) {
                assertNull(Identifiers.normaliseEmployerId(body + check), body + check);
            }
            // the letter as the check character
            assertNull(Identifiers.normaliseEmployerId("91210102MA0000001" + letter));
        }

        @Test
        void everyWrongCheckCharacterIsRejected() {
            String first17 = "91210102MA0000001";
            char right = gb32100Check(first17);
            for (char c : GB32100_ALPHABET.toCharArray()) {
                String code = first17 + c;
                if (c == right) {
                    assertEquals(code, Identifiers.normaliseEmployerId(code));
                } else {
                    assertNull(Identifiers.normaliseEmployerId(code), code);
                }
            }
        }

        @Test
        void checkValueZeroIsWrittenAsZero() {
            // find a body whose weighted sum is a multiple of 31: (31 − 0) mod 31 = 0 → '0'
            String body = null;
            for (char c : GB32100_ALPHABET.toCharArray()) {
                for (char d : GB32100_ALPHABET.toCharArray()) {
                    String candidate = "91210102MA00000" + c + d;
                    if (gb32100Sum(candidate) % 31 == 0) {
                        body = candidate;
                        break;
                    }
                }
                if (body != null) {
                    break;
                }
            }
            assertTrue(body != null);
            assertEquals('0', gb32100Check(body));
            assertEquals('0', Identifiers.creditCheckChar(body));
            assertEquals(body + "0", Identifiers.normaliseEmployerId(body + "0"));
            assertNull(Identifiers.normaliseEmployerId(body + "Y"));
        }

        @Test
        void checkValueThirtyIsWrittenAsY() {
            String body = null;
            for (char c : GB32100_ALPHABET.toCharArray()) {
                String candidate = "91210102MA000000" + c;
                if (gb32100Sum(candidate) % 31 == 1) {
                    body = candidate;
                    break;
                }
            }
            if (body == null) {
                for (char c : GB32100_ALPHABET.toCharArray()) {
                    for (char d : GB32100_ALPHABET.toCharArray()) {
                        String candidate = "91210102MA00000" + c + d;
                        if (body == null && gb32100Sum(candidate) % 31 == 1) {
                            body = candidate;
                        }
                    }
                }
            }
            assertTrue(body != null);
            assertEquals('Y', gb32100Check(body));
            assertEquals(body + "Y", Identifiers.normaliseEmployerId(body + "Y"));
        }

        @Test
        void wrongLengthsAreRejected() {
            String code = creditCode("91210102MA0000001");
            assertNull(Identifiers.normaliseEmployerId(code.substring(0, 17)));
            assertNull(Identifiers.normaliseEmployerId(code + "0"));
            assertNull(Identifiers.normaliseEmployerId(""));
            assertNull(Identifiers.normaliseEmployerId(null));
        }

        @Test
        void otherCharactersAreRejected() {
            assertNull(Identifiers.normaliseEmployerId("91210102MA000-0001"));
            assertNull(Identifiers.normaliseEmployerId("91210102MA000 0001"));
            assertNull(Identifiers.normaliseEmployerId("９１210102MA0000001"));
        }

        @Test
        void upperCasingCannotLengthenACode() {
            // 17 valid characters whose check character is 'F', followed by the ligature 'ﬀ'
            String body = null;
            for (char c : GB32100_ALPHABET.toCharArray()) {
                for (char d : GB32100_ALPHABET.toCharArray()) {
                    String candidate = "91210102MA00000" + c + d;
                    if (body == null && gb32100Check(candidate) == 'F') {
                        body = candidate;
                    }
                }
            }
            assertTrue(body != null);
            String input = body + "\uFB00";
            assertEquals(18, input.length());
            assertNull(Identifiers.normaliseEmployerId(input));
        }
    }

    @Nested
    class Region {

        @ParameterizedTest
        @ValueSource(strings = {"210000", "210100", "210102", "110000", "150000", "370202", "460100", "540000", "650000",
                "710000", "810000", "820000"})
        void validCodes(String code) {
            assertEquals(code, Identifiers.normaliseRegion(code));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2101", "21010a", "990101", "21010", "2101020", "000000", "190101", "240101", "720000",
                "830000", "100000", "２１０１０２", "21-102", ""})
        void invalidCodes(String code) {
            assertNull(Identifiers.normaliseRegion(code));
        }

        @Test
        void nullIsInvalid() {
            assertNull(Identifiers.normaliseRegion(null));
        }
    }

    @Nested
    class Occupation {

        @ParameterizedTest
        @ValueSource(strings = {"6-29-01-01", "6-29-01-01-02", "1-01-00-00", "8-99-99-99", "4-04-05-03-00"})
        void validCodes(String code) {
            assertEquals(code, Identifiers.normaliseOccupation(code));
        }

        @ParameterizedTest
        @ValueSource(strings = {"9-29-01-01", "0-29-01-01", "6-29-1-01", "6-29-01-01-2", "6-29-01", "6-29-01-01-02-03",
                "6-29-01-01-", "6290101", "6-29-01-01\n", "６-29-01-01", "6-29-01-0a", "6_29_01_01", ""})
        void invalidCodes(String code) {
            assertNull(Identifiers.normaliseOccupation(code));
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {"+86 138-1234-5678", "8613812345678", "138 1234 5678", "13812345678", "+8613812345678",
                "86 138 1234 5678", "138-1234-5678", "+86-138-1234-5678"})
        void normalisedToElevenDigits(String phone) {
            assertEquals("13812345678", Identifiers.normalisePhone(phone));
        }

        @ParameterizedTest
        @ValueSource(strings = {"23812345678", "1381234567", "+85 13812345678", "138123456789", "1381234567a",
                "008613812345678", "+86 2381234567", "86 23812345678", "(138)12345678", "１３８１２３４５６７８", ""})
        void invalidPhones(String phone) {
            assertNull(Identifiers.normalisePhone(phone));
        }

        @Test
        void nullIsInvalid() {
            assertNull(Identifiers.normalisePhone(null));
        }
    }

    @Nested
    class BankAccount {

        @Test
        void spacesAreRemoved() {
            assertEquals("6222021234567890123", Identifiers.normaliseBankAccount("6222 0212 3456 7890 123"));
        }

        @Test
        void twelveToNineteenDigits() {
            assertEquals("123456789012", Identifiers.normaliseBankAccount("123456789012"));
            assertEquals("1234567890123456789", Identifiers.normaliseBankAccount("1234567890123456789"));
            assertNull(Identifiers.normaliseBankAccount("12345678901"));
            assertNull(Identifiers.normaliseBankAccount("12345678901234567890"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"62220212345678901A", "6222-0212-3456-7890", "ABCDEFGHIJKLM", "６２２２０２１２３４５６７", ""})
        void invalidAccounts(String account) {
            assertNull(Identifiers.normaliseBankAccount(account));
        }

        @Test
        void nullIsInvalid() {
            assertNull(Identifiers.normaliseBankAccount(null));
        }
    }

    @Test
    void maskKeepsFirstThreeAndLastFour() {
        assertEquals("138****5678", Identifiers.mask("13812345678"));
        assertEquals("622************0123", Identifiers.mask("6222021234567890123"));
        assertNotEquals("13812345678", Identifiers.mask("13812345678"));
    }
}
