package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three states of a table cell in a report document: the rules, the renderers and the console read the same. */
public enum CellState {
    /** A number was entered. */
    VALUE,
    /** Deliberately left empty (the source showed a blank or a dash). */
    BLANK,
    /** Never filled in. */
    ABSENT;

    /** As the HTML {@code data-state} attribute and the JSON answers spell it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
