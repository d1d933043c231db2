package org.fundguard.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The database credentials file: {@code FUNDGUARD_CREDENTIALS_FILE} in the environment (the Spring
 * property {@code fundguard.credentials.file}) names a properties file holding
 * {@code spring.datasource.url}, {@code .username} and {@code .password}.
 * <ul>
 * <li>The file is refused (exit 2, one line naming the file and its mode, never its content) when
 * any permission bit for others is set or the group may write it — 0600, 0400, 0640 and 0440 are
 * accepted; on a file system without POSIX permissions it is refused as unverifiable.</li>
 * <li>Only {@code spring.datasource.*} keys may appear in it.</li>
 * <li>Precedence: the file overrides application.properties; command-line properties, Java system
 * properties and environment variables ({@code SPRING_DATASOURCE_*}) override the file, as they
 * override any configuration file in Spring Boot.</li>
 * </ul>
 * Whatever its source, the password is registered with {@link Redact} so that no message
 * FundGuard prints can carry it.
 */
public class CredentialsFile implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "fundguard.credentials.file";
    static final String SOURCE_NAME = "fundguard credentials file";
    private static final String PREFIX = "spring.datasource.";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String location = environment.getProperty(PROPERTY);
        if (location != null && !location.isBlank()) {
            Properties credentials = read(Path.of(location.trim()).toAbsolutePath().normalize());
            MutablePropertySources sources = environment.getPropertySources();
            PropertiesPropertySource source = new PropertiesPropertySource(SOURCE_NAME, credentials);
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }
        }
        Redact.secret(environment.getProperty("spring.datasource.password"));
    }

    /** The file's properties, after checking its permissions; a ContractException (exit 2) otherwise. */
    static Properties read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ContractException("credentials file " + file + " does not exist or is not a regular file");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            throw new ContractException("credentials file " + file + ": this file system has no POSIX permissions to check;"
                    + " set SPRING_DATASOURCE_URL/USERNAME/PASSWORD in the environment instead");
        } catch (IOException e) {
            throw new ContractException("credentials file " + file + ": cannot read its permissions");
        }
        if (tooOpen(perms)) {
            throw new ContractException("credentials file " + file + " has mode " + mode(perms)
                    + ": it must not be accessible to others nor writable by the group (chmod 600 " + file + ")");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (AccessDeniedException e) {
            throw new ContractException("credentials file " + file + " (mode " + mode(perms) + "): permission denied");
        } catch (NoSuchFileException e) {
            throw new ContractException("credentials file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            // the exception's message could quote the content: it is not passed on
            throw new ContractException("credentials file " + file + " is not a readable UTF-8 properties file");
        }
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                // a key is not named: a line holding only the password would be parsed as a key
                throw new ContractException("credentials file " + file + " holds a key other than spring.datasource.*"
                        + " (url, username, password)");
            }
        }
        return p;
    }

    /** Any permission for others, or group write. */
    static boolean tooOpen(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_EXECUTE) || perms.contains(PosixFilePermission.GROUP_WRITE);
    }

    /** The permissions as an octal mode, e.g. 0644. */
    static String mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal()); // OWNER_READ is ordinal 0 = 0400, ..., OTHERS_EXECUTE is 8 = 0001
        }
        return String.format("%04o", mode);
    }
}
