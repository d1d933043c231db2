package org.fundguard.extract;

/** A line of rejects/&lt;extract&gt;.csv: the record's first physical line, the issue and the raw record. */
public record RejectLine(long line, Issue issue, String raw) {

    /** Raw records are kept whole up to this size; a longer one is cut (it is broken anyway). */
    public static final int MAX_RAW = 20000;

    public RejectLine {
        if (raw != null && raw.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL; the rejects file shows it as U+FFFD
            raw = raw.replace('\0', '\uFFFD');
        }
        if (raw != null && raw.length() > MAX_RAW) {
            raw = raw.substring(0, MAX_RAW);
        }
    }
}
