package org.fundguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.fundguard.FundGuardApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The shipped job definitions stay true: default.properties is the built-in defaults, the example loads. */
@SpringBootTest(classes = FundGuardApplication.class,
        properties = {"fundguard.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:jobdef;DB_CLOSE_DELAY=-1"})
class JobDefinitionFileTest {

    static Map<String, String> read(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    @Test
    void defaultPropertiesListsEveryParameterWithItsBuiltInDefault() throws Exception {
        assertThat(read(Path.of("jobs/default.properties"))).isEqualTo(JobDefinition.defaults().effective());
    }

    @Test
    void theTightenedExampleLoadsAndOverridesOnlyWhatItSays() {
        JobDefinition tightened = JobDefinition.load(Path.of("jobs/tightened-example.properties"));
        assertThat(tightened.get("rule.LN-02.min_claimants")).isEqualTo("8");
        assertThat(tightened.get("rule.LN-01.min_claimants")).isEqualTo("50");
        assertThat(tightened.decimal("load.max-reject-ratio")).isEqualByComparingTo("0.01");
    }
}
