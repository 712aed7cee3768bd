package dev.gongkai.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The office-admin's scorecard pack of a year ({@code PUT /api/office/scorecard-pack}); the service validates it and
 * names the field it refuses.
 *
 * @param jurisdiction which of the caller's jurisdictions; null when they have one
 * @param line         the office's own publication line; null for the legal deadline
 */
public record ScorecardPackRequest(
        Integer year, String jurisdiction, BigDecimal base, LocalDate line, List<ScorecardPack.Deduction> deductions) {}
