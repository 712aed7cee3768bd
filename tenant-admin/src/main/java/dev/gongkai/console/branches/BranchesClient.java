package dev.gongkai.console.branches;

import dev.gongkai.console.services.Services;
import dev.gongkai.contract.BranchesView;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The acting agency's branches in the publishing service, answered as the contract's record; over the signed-in
 * user's client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 */
interface BranchesClient {

    /** Each branch and how far it is with the year's report. */
    @GetExchange("/api/branches")
    BranchesView branches(@RequestParam int year);

    static BranchesClient of(Services services) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.publishing()))
                .build()
                .createClient(BranchesClient.class);
    }
}
