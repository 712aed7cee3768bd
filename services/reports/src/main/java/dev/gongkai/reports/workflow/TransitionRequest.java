package dev.gongkai.reports.workflow;

import java.util.Map;

/**
 * @param action       {@code request-signoff}, {@code submit}, {@code withdraw}; office: {@code return},
 *                     {@code approve}, {@code publish}, {@code correct}
 * @param explanations a warning finding's id → the agency's written explanation
 * @param reason       why (required to return and to correct)
 */
public record TransitionRequest(String action, Map<String, String> explanations, String reason) {
}
