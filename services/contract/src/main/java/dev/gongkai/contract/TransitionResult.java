package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a transition answers, and what a repeat with the same {@code Idempotency-Key} answers again.
 *
 * @param reason the reason given (return, correction), else absent
 */
public record TransitionResult(
        int year,
        Action action,
        ReportStatus status,
        int revision,
        int errors,
        int warnings,
        int unexplainedWarnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}
