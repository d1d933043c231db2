package org.fundguard.run;

import org.springframework.boot.SpringBootExceptionReporter;

/**
 * A start refused for a contract reason (a credentials file others may read) is reported by
 * {@code FundGuardApplication.startupFailure} as one line, exit 2: Spring Boot's "Application run
 * failed" stack trace is left out for it.
 */
public class ContractFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ContractException) {
                return true;
            }
        }
        return false;
    }
}
