package dev.gongkai.platform.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What an isolation test's list of calls leaves out of a service's API, so a new endpoint cannot skip the test. */
public final class ApiEndpoints {

    private ApiEndpoints() {}

    /** Every {@code /api/} mapping ("METHOD /pattern") that none of the requests reaches. */
    public static Set<String> uncovered(
            RequestMappingHandlerMapping mappings, List<? extends AbstractMockHttpServletRequestBuilder<?>> requests) {
        Set<String> called = new TreeSet<>();
        for (var request : requests) {
            var built = request.buildRequest(new MockServletContext());
            called.add(built.getMethod() + " " + built.getRequestURI());
        }
        Set<String> uncovered = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> {
                            String regex = m + " " + p.replaceAll("\\{[^}]+}", "[^/]+");
                            if (called.stream().noneMatch(c -> c.matches(regex))) {
                                uncovered.add(m + " " + p);
                            }
                        })));
        return uncovered;
    }
}
