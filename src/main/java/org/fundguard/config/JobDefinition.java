package org.fundguard.config;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundguard.run.ContractException;

/**
 * A job definition: the job's parameters (load options, rule thresholds, switches) as
 * {@code key=value} properties. Every known key has a default, the policy as written
 * (rules.md); a {@code --config} file overrides some of them. An unknown key is a contract error,
 * so that a misspelt threshold cannot silently fall back to its default.
 */
public final class JobDefinition {

    /** Known keys and their defaults, in a stable order; extended by each rule family. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("load.max-reject-ratio", "0.05");
        DEFAULTS.put("screening.incremental", "true");
    }

    private final Map<String, String> values;
    private final String source;

    private JobDefinition(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** Registers a parameter with its default (called by the rule catalogue). */
    public static synchronized void define(String key, String defaultValue) {
        DEFAULTS.putIfAbsent(key, defaultValue);
    }

    public static JobDefinition defaults() {
        return new JobDefinition(new LinkedHashMap<>(DEFAULTS), "defaults");
    }

    /** The defaults overridden by the file, if any. */
    public static JobDefinition load(Path file) {
        JobDefinition definition = defaults();
        if (file == null) {
            return definition;
        }
        if (!Files.isReadable(file)) {
            throw new ContractException("--config: cannot read " + file);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ContractException("--config: cannot read " + file + ": " + e.getMessage());
        }
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(key)) {
                unknown.add(key);
            } else {
                definition.values.put(key, properties.getProperty(key).strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ContractException("--config " + file + ": unknown parameter(s) " + unknown);
        }
        return new JobDefinition(definition.values, file.toString());
    }

    public String source() {
        return source;
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("undefined job parameter " + key);
        }
        return v;
    }

    public BigDecimal decimal(String key) {
        try {
            return new BigDecimal(get(key));
        } catch (NumberFormatException e) {
            throw new ContractException("job parameter " + key + " = '" + get(key) + "' is not a number");
        }
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new ContractException("job parameter " + key + " = '" + get(key) + "' is not a whole number");
        }
    }

    /** Every effective parameter, sorted, for the run summary. */
    public Map<String, String> effective() {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

}
