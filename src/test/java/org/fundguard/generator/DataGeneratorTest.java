package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.fundguard.extract.Identifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    /** The contract's columns (extracts.md), spelled out here on purpose rather than taken from the generator. */
    private static final Map<String, String> HEADERS = Map.of(
            "employers.csv", "employer_id,employer_name,region_code,enrolled_on",
            "contributions.csv", "person_id,employer_id,period,region_code,wage_base,amount",
            "claims.csv", "claim_id,person_id,person_name,region_code,last_employer_id,separation_date,"
                    + "separation_reason,application_date,status,decision_date,reject_reason,benefit_start,benefit_end,"
                    + "monthly_benefit,retirement_category,phone,bank_account,registered_unemployed",
            "subsidies.csv", "application_id,person_id,applicant_type,employer_id,region_code,job_occupation_code,"
                    + "certificate_no,certificate_type,occupation_code,level,issue_date,issuing_org_id,amount,"
                    + "application_date,status,paid_date",
            "certificates.csv", "certificate_no,person_id,certificate_type,occupation_code,level,issue_date,"
                    + "issuing_org_id,issuing_region_code,status",
            "registrations.csv", "person_id,region_code,registered_on,ended_on",
            "medical.csv", "person_id,period,payer,amount,region_code");

    private static final List<String> REASONS = List.of("BAD_CSV", "MISSING_FIELD", "BAD_PERSON_ID",
            "BAD_EMPLOYER_ID", "BAD_REGION", "BAD_DATE", "BAD_PERIOD", "BAD_AMOUNT", "BAD_ENUM", "BAD_OCCUPATION",
            "BAD_PHONE", "BAD_ACCOUNT", "BAD_TEXT", "INCONSISTENT", "DUPLICATE_KEY");

    private static final List<String> RULES = List.of("LN-01", "LN-02", "LN-03", "LN-04", "NAT-01", "NAT-02",
            "NAT-03", "NAT-04", "NAT-05", "NAT-06", "NAT-07", "SKL-01", "SKL-02", "SKL-03", "SKL-04", "SKL-05",
            "SKL-06", "SKL-07", "SKL-08", "SVC-01", "SVC-02", "SVC-03", "SVC-04", "SVC-05", "SVC-06", "SVC-07");

    @TempDir
    static Path tmp;

    private static final Pattern AMOUNT = Pattern.compile(
            "^[0-9]{1,12}(\\.[0-9]{1,2})?$");
    private static final Map<String, List<String>> LINES = new HashMap<>();

    private static Path sample;
    private static DataGenerator.Result result;

    /** The sample-data configuration: 300 persons, seed 42, bad rows and planted rules. */
    @BeforeAll
    static void generateSample() throws IOException {
        sample = tmp.resolve("sample");
        result = DataGenerator.generate(options(sample, 42, 300, true, true), null);
    }

    private static Options options(Path out, long seed, int persons, boolean bad, boolean plant) {
        return new Options(out, seed, persons, 24, AS_OF, bad, plant, null, true);
    }

    @Test
    void sameSeedAndOptionsGiveIdenticalBytes() throws IOException {
        Path again = tmp.resolve("again");
        DataGenerator.generate(options(again, 42, 300, true, true), null);
        for (String f : HEADERS.keySet()) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(sample.resolve(f)));
        }
        Path other = tmp.resolve("other-seed");
        DataGenerator.generate(options(other, 7, 300, true, true), null);
        assertThat(Files.readAllBytes(other.resolve("contributions.csv")))
                .isNotEqualTo(Files.readAllBytes(sample.resolve("contributions.csv")));
    }

    @Test
    void headersAreExactlyTheContractColumns() throws IOException {
        for (Map.Entry<String, String> h : HEADERS.entrySet()) {
            byte[] bytes = Files.readAllBytes(sample.resolve(h.getKey()));
            assertThat(bytes[0]).as("no BOM in " + h.getKey()).isNotEqualTo((byte) 0xEF);
            String first = new String(bytes, StandardCharsets.UTF_8).split("\n", 2)[0];
            assertThat(first).as(h.getKey()).isEqualTo(h.getValue());
        }
        assertThat(HEADERS.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Extract.values()).map(e -> e.file).toList());
    }

    @Test
    void everyIdentifierOutsideThePlantedBadRowsIsValid() throws Exception {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String f : HEADERS.keySet()) {
            String[] header = HEADERS.get(f).split(",");
            for (String[] row : validRows(f)) {
                if (row.length != header.length) {
                    failures.add(f + ": " + row.length + " fields: " + String.join(",", row));
                    continue;
                }
                for (int i = 0; i < header.length; i++) {
                    String col = header[i];
                    String v = row[i].trim();
                    boolean ok = true;
                    if (col.equals("person_id")) {
                        ok = Identifiers.normalisePersonId(v, AS_OF) != null;
                        checked++;
                    } else if (col.equals("employer_id") || col.equals("last_employer_id")) {
                        ok = (v.isEmpty() && f.equals("subsidies.csv")) || Identifiers.normaliseEmployerId(v) != null;
                        checked++;
                    } else if (col.equals("region_code") || col.equals("issuing_region_code")) {
                        ok = Identifiers.normaliseRegion(v) != null;
                    } else if (col.endsWith("occupation_code") && !v.isEmpty()) {
                        ok = Identifiers.normaliseOccupation(v) != null;
                    } else if (col.equals("phone") && !v.isEmpty()) {
                        ok = Identifiers.normalisePhone(v) != null;
                    } else if (col.equals("bank_account") && !v.isEmpty()) {
                        ok = Identifiers.normaliseBankAccount(v) != null;
                    } else if ((col.equals("amount") || col.equals("wage_base") || col.equals("monthly_benefit"))
                            && !v.isEmpty()) {
                        ok = AMOUNT.matcher(v).matches();
                    }
                    if (!ok) {
                        failures.add(f + " " + col + " " + v);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void personIdsCarryLiaoningAddressesAndPlausibleBirthDates() throws Exception {
        int liaoning = 0;
        int total = 0;
        for (String[] row : validRows("contributions.csv")) {
            String id = row[0].trim().toUpperCase();
            LocalDate birth = Identifiers.birthDate(id);
            assertThat(birth.getYear()).as(id).isBetween(1960, 2004);
            total++;
            if (id.startsWith("21")) {
                liaoning++;
            }
        }
        assertThat(liaoning).isGreaterThan(total * 9 / 10);
    }

    @Test
    void everyReasonCodeIsPlantedInTheMiddleOfTheFiles() throws IOException {
        Set<String> reasons = new TreeSet<>();
        for (Manifest.BadRow b : result.manifest().badRows) {
            reasons.add(b.reason());
            List<String> lines = lines(b.file());
            assertThat(b.line()).as(b.toString()).isBetween(2L, (long) lines.size());
        }
        assertThat(reasons).containsAll(REASONS);
        for (String f : HEADERS.keySet()) {
            List<Manifest.BadRow> rows = result.manifest().badRows.stream().filter(b -> b.file().equals(f)).toList();
            assertThat(rows).as(f).isNotEmpty();
            long dataLines = lines(f).size() - 1;
            long errors = rows.stream().filter(b -> b.severity().equals("ERROR")).count();
            assertThat(errors * 100).as(f + ": ERROR rows well under 5 %").isLessThanOrEqualTo(3 * dataLines);
            long firstBad = rows.stream().mapToLong(Manifest.BadRow::line).min().orElseThrow();
            assertThat(firstBad).as(f + ": bad rows do not start the file").isGreaterThan(2);
        }
    }

    @Test
    void plantedBadRowsLookAsDescribed() throws IOException {
        for (Manifest.BadRow b : result.manifest().badRows) {
            String text = String.join("\n", lines(b.file()).subList((int) b.line() - 1,
                    (int) (b.line() - 1 + b.lines())));
            switch (b.reason()) {
                case "BAD_DATE" -> assertThat(text).containsAnyOf("2025-02-30", "2025-13-01");
                case "BAD_PERIOD" -> assertThat(text).containsAnyOf("2025-13", "1998-12", "2026-00");
                case "BAD_TEXT" -> assertThat(text.length()).isGreaterThan(41);
                case "BAD_CSV" -> {
                    if (b.note().startsWith("unbalanced")) {
                        assertThat(text.chars().filter(c -> c == '"').count() % 2).as(text).isEqualTo(1);
                        List<String> all = lines(b.file());
                        for (int k = (int) b.line(); k < Math.min(all.size(), b.line() + 5); k++) {
                            assertThat(all.get(k)).as("no quote in the 5 lines after an unbalanced quote")
                                    .doesNotContain("\"");
                        }
                    }
                }
                default -> {
                }
            }
        }
        // duplicates repeat an earlier key, written differently
        List<Manifest.BadRow> dups = result.manifest().badRows.stream()
                .filter(b -> b.reason().equals("DUPLICATE_KEY")).toList();
        assertThat(dups).extracting(Manifest.BadRow::file).contains("contributions.csv", "claims.csv");
        for (Manifest.BadRow d : dups) {
            List<String> all = lines(d.file());
            String dup = all.get((int) d.line() - 1);
            String firstField = dup.split(",", -1)[0].trim().toUpperCase();
            assertThat(all.subList(1, (int) d.line() - 1)).as(d.toString())
                    .anyMatch(l -> l.split(",", -1)[0].trim().toUpperCase().equals(firstField));
        }
        // unusual but valid spellings are there
        String claims = Files.readString(sample.resolve("claims.csv"));
        assertThat(claims).contains("+86 138-1234-5678", "\"申请材料不全,\n请补充劳动合同解除证明\"");
        assertThat(Files.readString(sample.resolve("contributions.csv"))).containsPattern("\\n[0-9]{17}x,");
    }

    @Test
    void everyRuleHasAFiringCaseAndANearMiss() {
        Map<String, Set<String>> expects = new HashMap<>();
        for (Manifest.RuleCase r : result.manifest().ruleCases) {
            expects.computeIfAbsent(r.rule(), k -> new HashSet<>()).add(r.expect());
        }
        for (String rule : RULES) {
            assertThat(expects.get(rule)).as(rule).contains("FIRE", "NO_FIRE");
        }
    }

    @Test
    void ln02EmployerHasExactlyTenClaimantsInTheMonthAndTheNearMissNine() throws Exception {
        List<String[]> claims = validRows("claims.csv");
        for (Manifest.RuleCase r : result.manifest().ruleCases) {
            if (!r.rule().equals("LN-02")) {
                continue;
            }
            String employer = r.id().split(" ")[0];
            String month = r.id().split(" ")[1];
            Set<String> persons = new HashSet<>();
            for (String[] c : claims) {
                if (c[4].equals(employer) && c[7].startsWith(month) && !c[8].equalsIgnoreCase("WITHDRAWN")) {
                    persons.add(c[1]);
                }
            }
            assertThat(persons).hasSize(r.expect().equals("FIRE") ? 10 : 9);
        }
    }

    @Test
    void sharedPhoneGroupNormalisesToThreePersons() throws Exception {
        Map<String, Set<String>> byPhone = new HashMap<>();
        for (String[] c : validRows("claims.csv")) {
            String p = Identifiers.normalisePhone(c[15].trim());
            if (p != null && !c[8].equalsIgnoreCase("WITHDRAWN")) {
                byPhone.computeIfAbsent(p, k -> new HashSet<>()).add(c[1]);
            }
        }
        assertThat(byPhone.get("13940001234")).hasSize(3);
        assertThat(byPhone.get("13940005678")).hasSize(2);
    }

    @Test
    void withoutSwitchesNothingIsPlanted() throws IOException {
        Path plain = tmp.resolve("plain");
        DataGenerator.Result r = DataGenerator.generate(options(plain, 42, 200, false, false), null);
        assertThat(r.manifest().badRows).isEmpty();
        assertThat(r.manifest().ruleCases).isEmpty();
        assertThat(r.records().get(Extract.CONTRIBUTIONS)).isGreaterThan(200L * 18);
        assertThat(Files.readString(plain.resolve("claims.csv"))).doesNotContain("\"");
    }

    @Test
    void commandLine() {
        assertThat(DataGenerator.run(new String[] {"--help"})).isZero();
        assertThat(DataGenerator.run(new String[] {})).isEqualTo(2);
        assertThat(DataGenerator.run(new String[] {"--out", tmp.resolve("x").toString(), "--persons", "many"}))
                .isEqualTo(2);
        assertThat(DataGenerator.run(new String[] {"--out", tmp.resolve("x").toString(), "--frobnicate"}))
                .isEqualTo(2);
        assertThat(DataGenerator.run(new String[] {"--out", tmp.resolve("cli").toString(), "--persons", "20",
            "--months", "13", "--seed", "5", "--as-of", "2026-06-30", "--bad-rows", "--plant-rules", "--quiet",
            "--manifest", tmp.resolve("cli-manifest.md").toString()})).isZero();
        assertThat(tmp.resolve("cli-manifest.md")).exists();
    }

    /** sample-data/ must be what the command in sample-data/README.md produces. */
    @Test
    void committedSampleDataIsUpToDate() throws IOException {
        Path committed = Path.of("sample-data");
        if (!Files.isDirectory(committed)) {
            return;
        }
        for (String f : HEADERS.keySet()) {
            assertThat(Files.readAllBytes(committed.resolve(f)))
                    .as("sample-data/" + f + " is stale: regenerate it with the command in sample-data/README.md")
                    .isEqualTo(Files.readAllBytes(sample.resolve(f)));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> lines(String file) throws IOException {
        List<String> cached = LINES.get(file);
        if (cached != null) {
            return cached;
        }
        String text = Files.readString(sample.resolve(file), StandardCharsets.UTF_8);
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        LINES.put(file, l);
        return l;
    }

    /** Data rows of the sample, without the planted ERROR and WARN rows (valid unusual rows stay). */
    private static List<String[]> validRows(String file) throws IOException, CsvException {
        Set<Long> skip = new HashSet<>();
        for (Manifest.BadRow b : result.manifest().badRows) {
            if (b.file().equals(file) && !b.severity().equals("OK")) {
                for (int k = 0; k < b.lines(); k++) {
                    skip.add(b.line() + k);
                }
            }
        }
        List<String> all = lines(file);
        StringBuilder kept = new StringBuilder();
        for (int i = 1; i < all.size(); i++) {
            if (!skip.contains((long) i + 1) && !all.get(i).isBlank()) {
                kept.append(all.get(i)).append('\n');
            }
        }
        try (CSVReader r = new CSVReader(new StringReader(kept.toString()))) {
            return r.readAll();
        }
    }
}
