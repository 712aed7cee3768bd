package dev.gongkai.console.office;

import dev.gongkai.console.services.Services;
import dev.gongkai.contract.CompiledView;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The office's side of the publishing service, answered as the contract's records. Built by the office's controllers
 * over the signed-in user's client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 */
@HttpExchange("/api/office")
interface OfficePublishingClient {

    static OfficePublishingClient of(Services services) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.publishing()))
                .build()
                .createClient(OfficePublishingClient.class);
    }

    /** The compiled report of {@code year} and {@code scope} with the office's narrative draft. */
    @GetExchange("/compiled")
    CompiledView compiled(@RequestParam int year, @RequestParam String scope);

    /** Saves the narrative of the draft version {@code ifMatch} names; answers the report checked with it. */
    @PutExchange("/compiled/narrative")
    CompiledView saveNarrative(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody Map<String, String> narrative);

    /** Publishes the draft version {@code ifMatch} names; after the first, a correction with its reason. */
    @PostExchange("/compiled/publications")
    CompiledView.Published publish(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody Map<String, String> request);
}
