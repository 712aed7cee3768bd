package dev.gongkai.console.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.JurisdictionView;
import dev.gongkai.contract.MemberView;
import dev.gongkai.contract.MigrationStates;
import dev.gongkai.contract.MigrationSummary;
import dev.gongkai.contract.ProvisioningReport;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The registry and the agencies' users in the tenants service, answered as the contract's records. Over the
 * signed-in user's client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 */
interface AdminClient {

    @GetExchange("/api/jurisdictions")
    List<JurisdictionView> jurisdictions();

    @GetExchange("/api/agencies")
    List<AgencyView> agencies();

    /** Provisioning runs its steps synchronously; the answer lists each step with what it did. */
    @PostExchange("/api/agencies")
    ProvisioningReport provision(@RequestBody NewAgency agency);

    @GetExchange("/api/admin/migrations")
    MigrationStates migrations();

    /** Answers 500 with the same summary when a schema failed. */
    @PostExchange("/api/admin/migrate-all")
    MigrationSummary migrateAll();

    @GetExchange("/api/agencies/{slug}")
    AgencyView agency(@PathVariable String slug);

    @PutExchange("/api/agencies/{slug}/branch-delegation")
    void delegateBranchUsers(@PathVariable String slug, @RequestBody BranchDelegation change);

    /** @param action {@code suspend}, {@code archive} or {@code activate} */
    @PostExchange("/api/agencies/{slug}/{action}")
    void lifecycle(@PathVariable String slug, @PathVariable String action);

    @GetExchange("/api/agencies/{slug}/users")
    List<MemberView> users(@PathVariable String slug);

    @PostExchange("/api/agencies/{slug}/users")
    MemberView.Added addUser(@PathVariable String slug, @RequestBody NewUser user);

    /** @param action {@code disable} or {@code enable} */
    @PostExchange("/api/agencies/{slug}/users/{username}/{action}")
    void setEnabled(@PathVariable String slug, @PathVariable String username, @PathVariable String action);

    @PutExchange("/api/agencies/{slug}/users/{username}/roles")
    void changeRoles(@PathVariable String slug, @PathVariable String username, @RequestBody Roles roles);

    @DeleteExchange("/api/agencies/{slug}/users/{username}")
    void removeUser(@PathVariable String slug, @PathVariable String username);

    /** @param branchUsersDelegated whether the agency's admins manage the users of the agencies below it */
    record BranchDelegation(boolean branchUsersDelegated) {}

    /** A new user as the form gave it: the fields left blank are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUser(String username, String email, String firstName, String lastName, List<String> roles) {}

    /**
     * An agency to provision as the form gave it: the fields left blank are not sent.
     *
     * @param firstAdmin the first admin's username, null for the service's default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewAgency(
            String slug, String nameZh, AgencyKind kind, String jurisdiction, String parent, FirstAdmin firstAdmin) {

        record FirstAdmin(String username) {}
    }

    /** The roles a member is to hold in the agency from now on. */
    record Roles(List<String> roles) {}

    static AdminClient of(Services services) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.tenants()))
                .build()
                .createClient(AdminClient.class);
    }
}
