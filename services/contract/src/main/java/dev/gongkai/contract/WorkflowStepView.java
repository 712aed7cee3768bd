package dev.gongkai.contract;

import java.time.OffsetDateTime;

/**
 * One step of a report's workflow as the office reads it: who requested sign-off, signed off and submitted it, who
 * returned, approved, published or corrected it, when, and the reason given.
 *
 * @param action      the workflow action's code ({@code submit}, {@code approve}, …), or create, import, onboard
 * @param actorName   the actor's full name, null on steps recorded before names were kept
 * @param actorAgency the agency they acted for, null likewise
 * @param reason      the reason given (a return, a correction), else null
 */
public record WorkflowStepView(
        OffsetDateTime at, String actor, String actorName, String actorAgency, String action, String reason) {}
