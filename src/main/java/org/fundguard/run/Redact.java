package org.fundguard.run;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of logs and the one-line reason on standard error: database error
 * messages can quote row values (PostgreSQL's "Key (person_id)=(...)"), so ID numbers, mobile
 * phones and account numbers are masked before anything is printed. The database password
 * ({@link #secret}) is masked too.
 */
public final class Redact {

    private static final Pattern PERSON_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12,19}(?![0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Redact() {
    }

    /** A credential that must never be printed: {@link #text} masks it from now on. */
    public static void secret(String value) {
        if (value != null && !value.isEmpty()) {
            SECRETS.add(value);
        }
    }

    public static String text(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (String secret : SECRETS) {
            out = out.replace(secret, "[SECRET]");
        }
        out = PERSON_ID.matcher(out).replaceAll("[ID]");
        out = ACCOUNT.matcher(out).replaceAll("[ACCOUNT]");
        return PHONE.matcher(out).replaceAll("[PHONE]");
    }
}
