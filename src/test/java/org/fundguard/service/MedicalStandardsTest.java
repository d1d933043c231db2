package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import org.fundguard.extract.Months;
import org.fundguard.run.ContractException;
import org.junit.jupiter.api.Test;

/** The SVC-07 standards table: format, lookups, errors naming file and line, the shipped file. */
class MedicalStandardsTest {

    static int m(int year, int month) {
        return Months.of(year, month);
    }

    @Test
    void readsRangesCommentsAndOpenEnds() {
        MedicalStandards s = MedicalStandards.parse("\uFEFF# a comment, with a comma\n\n"
                + "City, From_Month ,to_month,amount,note\n"
                + "210100,2025-01,2025-12,280.5,沈阳\n"
                + "  # indented comment\n"
                + "210100,202601,,300,\n"
                + "\"210200\",2025-07,2025-07,310.00,大连\n", "test.csv");
        assertThat(s.placeholder()).isFalse();
        assertThat(s.rows()).isEqualTo(3);
        assertThat(s.standard("210100", m(2024, 12))).isEmpty();
        assertThat(s.standard("210100", m(2025, 1))).contains(new BigDecimal("280.5"));
        assertThat(s.standard("210100", m(2025, 12))).contains(new BigDecimal("280.5"));
        assertThat(s.standard("210100", m(2026, 1))).contains(new BigDecimal("300"));
        assertThat(s.standard("210100", m(2099, 12))).contains(new BigDecimal("300"));
        assertThat(s.standard("210200", m(2025, 7))).contains(new BigDecimal("310.00"));
        assertThat(s.standard("210200", m(2025, 8))).isEqualTo(Optional.empty());
        assertThat(s.standard("210300", m(2025, 8))).isEmpty();
    }

    @Test
    void errorsNameFileAndLine() {
        assertThatThrownBy(() -> MedicalStandards.parse("city,from_month,to_month,amount\n210101,2025-01,,300\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("a.csv, line 2").hasMessageContaining("city");
        assertThatThrownBy(() -> MedicalStandards.parse("city,from_month,to_month,amount\n210100,2025-13,,300\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("line 2").hasMessageContaining("from_month");
        assertThatThrownBy(() -> MedicalStandards.parse("city,from_month,to_month,amount\n210100,2025-05,2025-04,300\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> MedicalStandards.parse("city,from_month,to_month,amount\n210100,2025-05,,1e3\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> MedicalStandards.parse("city,from,to_month,amount\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("from_month");
        assertThatThrownBy(() -> MedicalStandards.parse("# only a comment\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> MedicalStandards.parse("city,from_month,to_month,amount\n"
                + "210100,2025-01,,300\n# x\n210100,2026-01,2026-12,310\n", "a.csv"))
                .isInstanceOf(ContractException.class).hasMessageContaining("line 4").hasMessageContaining("overlaps the one on line 2");
        assertThatThrownBy(() -> MedicalStandards.read(Path.of("no/such/standards.csv")))
                .isInstanceOf(ContractException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theShippedFileCoversTheFourteenLiaoningCitiesAndIsMarkedPlaceholder() {
        MedicalStandards s = MedicalStandards.read(Path.of("jobs/medical-standards.csv"));
        assertThat(s.placeholder()).isTrue();
        assertThat(s.cities()).isEqualTo(14);
        for (int city = 2101; city <= 2114; city++) {
            assertThat(s.standard(city + "00", m(2026, 1))).as("city %s00", city).isPresent();
        }
    }
}
