package org.fundguard.extract;

import java.util.Set;

/**
 * One column of an extract: its contract name, type, whether it is required, the text length
 * limit ({@code text(n)}) and the allowed enum values.
 */
public record ColumnSpec(String name, FieldType type, boolean required, int maxLength, Set<String> enumValues) {

    public static ColumnSpec req(String name, FieldType type) {
        return new ColumnSpec(name, type, true, 0, Set.of());
    }

    public static ColumnSpec opt(String name, FieldType type) {
        return new ColumnSpec(name, type, false, 0, Set.of());
    }

    public static ColumnSpec reqText(String name, int maxLength) {
        return new ColumnSpec(name, FieldType.TEXT, true, maxLength, Set.of());
    }

    public static ColumnSpec optText(String name, int maxLength) {
        return new ColumnSpec(name, FieldType.TEXT, false, maxLength, Set.of());
    }

    public static ColumnSpec reqEnum(String name, String... values) {
        return new ColumnSpec(name, FieldType.ENUM, true, 0, Set.of(values));
    }

    public static ColumnSpec optEnum(String name, String... values) {
        return new ColumnSpec(name, FieldType.ENUM, false, 0, Set.of(values));
    }
}
