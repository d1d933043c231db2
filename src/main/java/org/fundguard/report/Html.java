package org.fundguard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Escaping and locale-independent number formatting for the trend report's HTML and SVG. */
final class Html {

    private Html() {
    }

    /** Text or attribute value escaped for HTML and SVG (XML): {@code & < > " '}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab and line ends cannot appear in XML
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A whole number with thousands separators: {@code 1234567 -> 1,234,567}. */
    static String grouped(long n) {
        return grouped(BigDecimal.valueOf(n), 0);
    }

    /** A decimal with {@code scale} decimals and thousands separators, independent of the JVM's locale. */
    static String grouped(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP);
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return (v.signum() < 0 ? "-" : "") + b + fraction;
    }

    /** A share (0.1234) as a percentage with one decimal: {@code 12.3%}. */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** An SVG coordinate with at most one decimal, the same bytes on every platform. */
    static String coord(double d) {
        long tenths = Math.round(d * 10);
        long whole = tenths / 10;
        long rest = Math.abs(tenths % 10);
        String sign = tenths < 0 && whole == 0 ? "-" : "";
        return rest == 0 ? sign + whole : sign + whole + "." + rest;
    }
}
