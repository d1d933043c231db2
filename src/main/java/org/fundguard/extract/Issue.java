package org.fundguard.extract;

/**
 * One line of a rejects file: an {@code ERROR} rejects the row, a {@code WARN} reports an
 * optional field that was nulled while the row was loaded.
 */
public record Issue(Severity severity, String reason, String column, String message) {

    public enum Severity { ERROR, WARN }

    public static Issue error(String reason, String column, String message) {
        return new Issue(Severity.ERROR, reason, column, message);
    }

    public static Issue warn(String reason, String column, String message) {
        return new Issue(Severity.WARN, reason, column, message);
    }
}
