package dev.gongkai.console.services;

import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.MeView;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Who the user is in the tenants service's registry, answered as the contract's records: the agency they act for
 * (the shell, the branches page) and, at sign-in, their agencies and roles.
 */
public interface TenantsClient {

    /** The agency the user acts for (the one the shell chose with {@code X-Agency}). */
    @GetExchange("/api/agencies/me")
    AgencyView acting();

    /**
     * The user's agencies and roles in each, asked at sign-in with the access token just received.
     *
     * @param authorization {@code Bearer <access token>}
     */
    @GetExchange("/api/me")
    MeView me(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** Over the signed-in user's client, so error answers arrive as {@link ServiceProblem}. */
    static TenantsClient of(Services services) {
        return over(services.tenants());
    }

    static TenantsClient over(RestClient tenants) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(tenants))
                .build()
                .createClient(TenantsClient.class);
    }
}
