package org.fundguard.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fundguard.FundGuardApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs FundGuard as cron does, in this JVM: a fresh Spring context per run, the command-line
 * arguments, the database URL, and the exit code that {@code main} would pass to System.exit.
 * Standard error is captured (and still printed) so tests can read the one-line reason. A
 * startup failure gives the exit code and line {@code main} would give. With a null database
 * URL none is passed: the database comes from the environment or the credentials file.
 */
public final class Cli {

    public record Result(int exitCode, String stderr) {
    }

    private Cli() {
    }

    public static synchronized Result run(String databaseUrl, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (databaseUrl != null) {
            all.add("--spring.datasource.url=" + databaseUrl);
        }
        // progress lines are for cron mails; in the test log they would drown the test results
        all.add("--logging.level.org.fundguard=" + System.getProperty("fundguard.test.log", "WARN"));
        if (databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql")) {
            all.add("--spring.datasource.username=postgres");
            all.add("--spring.datasource.password=");
        }
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            int code;
            try {
                ConfigurableApplicationContext context = SpringApplication.run(FundGuardApplication.class, all.toArray(String[]::new));
                code = SpringApplication.exit(context);
            } catch (RuntimeException e) {
                code = FundGuardApplication.startupFailure(e);
            }
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
