package dev.gongkai.contract;

import java.util.Map;

/**
 * A workflow step asked of the reports service. The action travels as its code so that the service can name an
 * unknown one in its answer.
 *
 * @param action       {@code request-signoff}, {@code submit}, {@code withdraw}; office: {@code return},
 *                     {@code approve}, {@code publish}, {@code correct}
 * @param explanations a warning finding's id → the agency's written explanation
 * @param reason       why (required to return and to correct)
 */
public record TransitionRequest(String action, Map<String, String> explanations, String reason) {

    public static TransitionRequest of(Action action, Map<String, String> explanations, String reason) {
        return new TransitionRequest(action.code(), explanations, reason);
    }
}
