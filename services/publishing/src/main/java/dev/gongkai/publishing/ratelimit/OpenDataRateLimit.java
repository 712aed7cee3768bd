package dev.gongkai.publishing.ratelimit;

import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits open data per client address (the proxy-resolved remote address): the endpoints marked {@link OpenData}
 * (as an interceptor) and the published {@code .json} and {@code .csv} documents (which ask {@link #refusal}). Over
 * the limit the answer is 429 with {@code Retry-After} and the usual problem body.
 */
public class OpenDataRateLimit implements HandlerInterceptor {

    public static final String RETRY_AFTER = "retry_after";

    private final RateLimiter limiter;
    private final JsonMapper json;

    OpenDataRateLimit(RateLimiter limiter, JsonMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        return !(handler instanceof HandlerMethod method)
                || !method.hasMethodAnnotation(OpenData.class)
                || admit(request, response);
    }

    /** Counts the request; false when it is over the limit and the 429 has been written. */
    private boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProblemDetail> refusal = refusal(request.getRemoteAddr());
        if (refusal.isEmpty()) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter(refusal.get()));
        Problems.write(response, json, refusal.get());
        return false;
    }

    /**
     * Counts a request of {@code client}: empty when it may go on, else the 429 problem to answer with, whose
     * {@value #RETRY_AFTER} property (seconds) is also the {@code Retry-After} header's value.
     */
    public Optional<ProblemDetail> refusal(String client) {
        OptionalLong retryAfter = limiter.acquire(client);
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        ProblemDetail problem = Problems.of(ProblemCode.RATE_LIMIT_EXCEEDED, retryAfter.getAsLong(), limiter.limit());
        problem.setProperty(RETRY_AFTER, retryAfter.getAsLong());
        return Optional.of(problem);
    }

    /** The {@code Retry-After} header's value of a {@link #refusal}. */
    public static String retryAfter(ProblemDetail refusal) {
        return refusal.getProperties().get(RETRY_AFTER).toString();
    }
}
