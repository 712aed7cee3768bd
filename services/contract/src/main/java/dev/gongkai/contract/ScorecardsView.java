package dev.gongkai.contract;

import java.util.List;

/**
 * The scorecards of a jurisdiction's agencies for a year ({@code GET /api/office/scorecards}).
 *
 * @param pack     the pack they were scored with
 * @param agencies one scorecard per agency
 * @param items    what the pack may deduct for, to choose from
 */
public record ScorecardsView(
        int year, String jurisdiction, ScorecardPack pack, List<Scorecard> agencies, List<ScorecardPack.Item> items) {}
