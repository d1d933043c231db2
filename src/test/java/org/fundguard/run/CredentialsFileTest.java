package org.fundguard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.fundguard.extract.Extract;
import org.fundguard.support.Cli;
import org.fundguard.support.ExtractDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * FUNDGUARD_CREDENTIALS_FILE: a 0600 file supplies the database; a file others may read is
 * refused with exit 2 naming it and its mode; the password appears nowhere; the environment
 * overrides the file, the file overrides application.properties.
 */
class CredentialsFileTest {

    private static final String AS_OF = "2026-11-25";
    private static final String PASSWORD = "Tr0ub4dor-credentials-file-pw";

    @TempDir
    Path tmp;

    private Path credentials(String mode, String content) throws Exception {
        Path file = tmp.resolve("db-" + mode + ".properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private String h2Url(String name) {
        return "jdbc:h2:file:" + tmp.resolve(name).resolve("fundguard") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private Path extracts() {
        return new ExtractDir(tmp.resolve("extracts")).row(Extract.EMPLOYERS).row(Extract.CONTRIBUTIONS).row(Extract.CLAIMS)
                .write().path();
    }

    private Cli.Result screen(Path credentials, Path out) {
        return Cli.run(null, "screen", "--extracts", extracts().toString(), "--as-of", AS_OF, "--out", out.toString(),
                "--" + CredentialsFile.PROPERTY + "=" + credentials);
    }

    @Test
    void aFileOnlyTheOwnerCanReadSuppliesTheDatabaseAndThePasswordAppearsNowhere() throws Exception {
        Path file = credentials("rw-------", "spring.datasource.url=" + h2Url("filedb") + "\n"
                + "spring.datasource.username=fundguard\nspring.datasource.password=" + PASSWORD + "\n");
        Path out = tmp.resolve("out");

        Cli.Result result = screen(file, out);

        assertThat(result.exitCode()).isZero();
        assertThat(tmp.resolve("filedb/fundguard.mv.db")).as("the H2 database named only in the file").exists();
        assertThat(result.stderr()).doesNotContain(PASSWORD);
        assertThat(Files.readString(out.resolve(AS_OF).resolve("summary.json"))).doesNotContain(PASSWORD).doesNotContain("fundguard.mv");

        // the password is really used: the database now refuses another one, and says so without quoting either
        Path wrong = credentials("r--------", "spring.datasource.url=" + h2Url("filedb") + "\n"
                + "spring.datasource.username=fundguard\nspring.datasource.password=Wrong-" + PASSWORD + "\n");
        Cli.Result refused = screen(wrong, tmp.resolve("out2"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("fundguard: cannot start").doesNotContain(PASSWORD);
    }

    @Test
    void aFileOthersCanReadIsRefusedWithExit2NamingTheFileAndItsModeButNotItsContent() throws Exception {
        Path file = credentials("rw-r--r--", "spring.datasource.url=" + h2Url("opendb") + "\n"
                + "spring.datasource.username=fundguard\nspring.datasource.password=" + PASSWORD + "\n");
        Path out = tmp.resolve("out");

        Cli.Result result = screen(file, out);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).as("one line, no stack trace").singleElement().asString()
                .startsWith("fundguard: credentials file ").contains(file.getFileName() + " has mode 0644")
                .doesNotContain(PASSWORD).doesNotContain("opendb");
        assertThat(tmp.resolve("opendb")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void theModeRuleAllowsOwnerAndGroupReadOnly() {
        for (String ok : new String[] {"rw-------", "r--------", "rw-r-----", "r--r-----", "rwx------"}) {
            assertThat(CredentialsFile.tooOpen(PosixFilePermissions.fromString(ok))).as(ok).isFalse();
        }
        for (String open : new String[] {"rw-r--r--", "rw-rw----", "rw-----w-", "rw------x", "rw-rw-rw-"}) {
            assertThat(CredentialsFile.tooOpen(PosixFilePermissions.fromString(open))).as(open).isTrue();
        }
        assertThat(CredentialsFile.mode(PosixFilePermissions.fromString("rw-r--r--"))).isEqualTo("0644");
        assertThat(CredentialsFile.mode(PosixFilePermissions.fromString("rw-r-----"))).isEqualTo("0640");
        assertThat(CredentialsFile.mode(PosixFilePermissions.fromString("rwxrwxrwx"))).isEqualTo("0777");
    }

    @Test
    void aMissingFileOrAKeyOtherThanTheDatasourceIsRefusedWithoutQuotingTheFile() throws Exception {
        assertThatThrownBy(() -> CredentialsFile.read(tmp.resolve("nope.properties")))
                .isInstanceOf(ContractException.class).hasMessageContaining("nope.properties").hasMessageContaining("does not exist");
        // a bare password line parses as a key: it must not be echoed
        Path file = credentials("rw-------", "spring.datasource.url=jdbc:h2:mem:x\n" + PASSWORD + "\n");
        assertThatThrownBy(() -> CredentialsFile.read(file))
                .isInstanceOf(ContractException.class).hasMessageContaining(file.toString()).hasMessageNotContaining(PASSWORD);
    }

    @Test
    void environmentVariablesOverrideTheFileAndTheFileOverridesApplicationProperties() throws Exception {
        Path file = credentials("rw-------", "spring.datasource.url=jdbc:h2:mem:fromfile\n"
                + "spring.datasource.username=fileuser\nspring.datasource.password=" + PASSWORD + "\n");
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("FUNDGUARD_CREDENTIALS_FILE", file.toString(), "SPRING_DATASOURCE_USERNAME", "envuser")));
        sources.addLast(new MapPropertySource("Config resource 'class path resource [application.properties]'",
                Map.of("spring.datasource.url", "jdbc:h2:file:./data/fundguard", "spring.datasource.username", "sa")));

        new CredentialsFile().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:fromfile");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("envuser");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(PASSWORD);
        assertThat(Redact.text("login failed with " + PASSWORD)).isEqualTo("login failed with [SECRET]");
    }
}
