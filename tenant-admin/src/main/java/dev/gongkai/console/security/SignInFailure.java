package dev.gongkai.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A sign-in that did not complete lands on a page that says why in words and offers to try again. Spring Security's
 * default sends it to {@code /login?error}, a page this console does not have: asking for it would start another
 * sign-in, which fails the same way while Keycloak is down — a loop the user cannot leave.
 */
@Controller
class SignInFailure implements AuthenticationFailureHandler {

    static final String PAGE = "/sign-in-failed";

    private static final Logger log = LoggerFactory.getLogger(SignInFailure.class);

    /** Why, as the page words it. */
    enum Reason {
        /** Keycloak (or the key set it signs with) did not answer, or answered something unreadable. */
        UNAVAILABLE,
        /** The sign-in started too long ago, or in another window: starting again works. */
        EXPIRED,
        /** Keycloak refused, or the answer did not hold up (a token that does not verify). */
        REFUSED;

        private static final Set<String> EXPIRED_CODES =
                Set.of("authorization_request_not_found", "invalid_state_parameter");
        private static final Set<String> UNAVAILABLE_CODES = Set.of(
                "invalid_token_response",
                "invalid_user_info_response",
                OAuth2ErrorCodes.SERVER_ERROR,
                OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE);

        static Reason of(AuthenticationException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException || cause instanceof java.net.http.HttpTimeoutException) {
                    return UNAVAILABLE;
                }
                if (cause.getMessage() != null && cause.getMessage().contains("Couldn't retrieve remote JWK set")) {
                    return UNAVAILABLE;
                }
            }
            String code = failure instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode()
                    : "";
            if (EXPIRED_CODES.contains(code)) {
                return EXPIRED;
            }
            return UNAVAILABLE_CODES.contains(code) ? UNAVAILABLE : REFUSED;
        }

        static Reason ofParameter(String value) {
            return Arrays.stream(values())
                    .filter(r -> r.parameter().equals(value))
                    .findFirst()
                    .orElse(REFUSED);
        }

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        String messageKey() {
            return "signInFailed." + parameter();
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        Reason reason = Reason.of(failure);
        log.warn("Sign-in did not complete ({}): {}", reason, failure.toString());
        response.sendRedirect(request.getContextPath() + PAGE + "?reason=" + reason.parameter());
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String reason, Model model) {
        model.addAttribute("messageKey", Reason.ofParameter(reason).messageKey());
        return "sign-in-failed";
    }
}
