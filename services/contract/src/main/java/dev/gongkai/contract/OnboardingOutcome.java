package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the office's onboarding does with a file of its zip, decided once for the check and for the import:
 * {@link #IMPORT} is what the check says of a file the import would store, {@link #IMPORTED} what the import says
 * once it has. Declared in the order an office reads them: imported first, what is refused last.
 */
public enum OnboardingOutcome {
    IMPORT("import"),
    IMPORTED("imported"),
    ALREADY_IMPORTED("already-imported"),
    EXISTS("exists"),
    CURRENT_CYCLE("current-cycle"),
    UNMATCHED("unmatched"),
    UNREADABLE("unreadable");

    private final String value;

    OnboardingOutcome(String value) {
        this.value = value;
    }

    /** As the answer writes it, and the last part of its label's key. */
    @JsonValue
    public String value() {
        return value;
    }
}
