package dev.gongkai.console.onboarding;

import dev.gongkai.console.services.Services;
import dev.gongkai.contract.OnboardingPlan;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The office's onboarding in the reports service, answered as the contract's record; over the signed-in user's
 * client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 *
 * <p>Both take the zip and, when the office gave one, the mapping of file names to agencies as JSON.
 */
@HttpExchange(url = "/api/office/imports", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
interface OnboardingClient {

    /** What importing would do, file by file; saves nothing. */
    @PostExchange("/check")
    OnboardingPlan check(
            @RequestPart("file") Resource zip, @RequestPart(name = "mapping", required = false) String mapping);

    /** Imports what the check showed. */
    @PostExchange
    OnboardingPlan importAll(
            @RequestPart("file") Resource zip, @RequestPart(name = "mapping", required = false) String mapping);

    static OnboardingClient of(Services services) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.reports()))
                .build()
                .createClient(OnboardingClient.class);
    }
}
