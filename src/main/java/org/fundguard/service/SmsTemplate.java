package org.fundguard.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundguard.run.ContractException;

/**
 * A message template of SVC-04 with {@code {placeholder}} fields. Parsed and checked once, when the
 * job definition is read: an unknown placeholder, or a brace that does not open or close a
 * placeholder, is a {@link ContractException} naming the parameter key, so that a misspelt field
 * never reaches a claimant as literal text. Rendering is a single pass: values are inserted
 * verbatim and never scanned for placeholders themselves.
 */
public final class SmsTemplate {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "name", "claim_id", "application_date", "decision_date", "status", "reason", "reapply")));

    private final String key;
    /** Alternating literal text (even indexes) and placeholder names (odd indexes). */
    private final List<String> parts;

    private SmsTemplate(String key, List<String> parts) {
        this.key = key;
        this.parts = parts;
    }

    public String key() {
        return key;
    }

    /** Parses the template held by job parameter {@code key}. */
    public static SmsTemplate parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new ContractException("job parameter " + key + " is empty; it must hold the message template");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new ContractException("job parameter " + key + ": '}' at position " + (i + 1)
                        + " closes no placeholder; known placeholders: " + known());
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new ContractException("job parameter " + key + ": '{' at position " + (i + 1)
                        + " opens no placeholder; known placeholders: " + known());
            }
            String name = text.substring(i + 1, close);
            if (!PLACEHOLDERS.contains(name)) {
                throw new ContractException("job parameter " + key + ": unknown placeholder {" + name
                        + "}; known placeholders: " + known());
            }
            parts.add(literal.toString());
            literal.setLength(0);
            parts.add(name);
            i = close + 1;
        }
        parts.add(literal.toString());
        return new SmsTemplate(key, List.copyOf(parts));
    }

    /** Whether the template uses {@code {name}}. */
    public boolean uses(String name) {
        for (int i = 1; i < parts.size(); i += 2) {
            if (parts.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The message with every placeholder replaced by its value (a missing value renders empty). */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
            } else {
                String value = values.get(parts.get(i));
                out.append(value == null ? "" : value);
            }
        }
        return out.toString();
    }

    private static String known() {
        StringBuilder s = new StringBuilder();
        for (String p : PLACEHOLDERS) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append('{').append(p).append('}');
        }
        return s.toString();
    }
}
