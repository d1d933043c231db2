package org.fundguard;

import java.sql.SQLException;
import java.util.Arrays;
import org.fundguard.generator.DataGenerator;
import org.fundguard.run.ContractException;
import org.fundguard.run.Redact;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * FundGuard's entry point. {@code screen} runs the nightly job (Spring Boot, Spring Batch);
 * {@code generate} writes a synthetic extract set without starting Spring.
 */
@SpringBootApplication
public class FundGuardApplication {

    /** H2: "Database may be already in use" — the embedded file database is held by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(DataGenerator.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        int code;
        try {
            code = SpringApplication.exit(SpringApplication.run(FundGuardApplication.class, args));
        } catch (RuntimeException e) {
            code = startupFailure(e);
        }
        System.exit(code);
    }

    /**
     * The application could not start (typically the database): one line on standard error and
     * the contract's exit code — 2 for a contract error (a refused credentials file), 3 when the
     * embedded H2 database is held by another run, else 1.
     */
    public static int startupFailure(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof ContractException) {
                System.err.println("fundguard: " + Redact.text(t.getMessage()));
                return 2;
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                System.err.println("fundguard: another run is in progress on this database (the H2 database files are in use"
                        + " by another process); nothing was done");
                return 3;
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        System.err.println("fundguard: cannot start: " + Redact.text(message.replace('\n', ' '))
                + "; run the same command again once this is fixed");
        return 1;
    }
}
