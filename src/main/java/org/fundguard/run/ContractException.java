package org.fundguard.run;

/**
 * A usage or contract error (outputs.md exit code 2): bad argument, missing file or column,
 * unreadable folder, a calendar year the calendar lacks. Its message is the one line an operator
 * sees; it never contains personal data.
 */
public class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }
}
