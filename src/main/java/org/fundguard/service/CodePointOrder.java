package org.fundguard.service;

import java.util.Comparator;

/**
 * Text compared by Unicode code point, the order PostgreSQL's {@code COLLATE "C"} gives to UTF-8
 * text. Sorting the service lists in Java with it makes H2 and PostgreSQL produce the same bytes,
 * whatever the database's locale. ({@link String#compareTo} compares UTF-16 units, which differs
 * for characters beyond the Basic Multilingual Plane.)
 */
final class CodePointOrder {

    static final Comparator<String> TEXT = CodePointOrder::compare;

    private CodePointOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
