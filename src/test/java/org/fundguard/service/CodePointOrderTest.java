package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code-point order, as PostgreSQL's COLLATE "C" sorts UTF-8 text. */
class CodePointOrderTest {

    @Test
    void sortsByCodePoint() {
        List<String> ids = new ArrayList<>(List.of("b", "A9", "A10", "a", "A", "\uFF21", "\uD840\uDC00", ""));
        ids.sort(CodePointOrder.TEXT);
        // U+FF21 (fullwidth A) sorts before U+20000 by code point, after it by UTF-16 unit
        assertThat(ids).containsExactly("", "A", "A10", "A9", "a", "b", "\uFF21", "\uD840\uDC00");
    }
}
