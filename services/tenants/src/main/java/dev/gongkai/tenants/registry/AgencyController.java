package dev.gongkai.tenants.registry;

import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.AgencyView;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agencies")
@Tag(name = "Agencies", description = "机构名录与开通 — the registry of agencies (tenants) and their provisioning")
class AgencyController {

    private final RegistryQueries queries;
    private final AgencyLifecycle lifecycle;

    AgencyController(RegistryQueries queries, AgencyLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/me")
    @Operation(
            summary = "The acting agency",
            description = "From the token's organization claim; a member of several agencies chooses with X-Agency.")
    AgencyView me(ActingAgency acting) {
        return queries.view(acting.agency());
    }

    @GetMapping
    @Operation(
            summary = "List agencies",
            description = "Platform admins: all; disclosure-office staff: their jurisdiction.")
    List<AgencyView> list(Caller caller) {
        return queries.agencies(caller);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One agency", description = "404 unless the caller may see it.")
    AgencyView get(Caller caller, @PathVariable AgencySlug slug) {
        return queries.agency(caller, slug);
    }

    @PutMapping("/{slug}/branch-delegation")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Branch users managed by this agency's admins",
            description = "下属单位的用户由本单位管理员管理: when set, the agency's admins, acting for it, list, add, "
                    + "disable and enable the users of every agency below it (any depth) in its jurisdiction tree, as "
                    + "each one's own admin could; cleared, only each branch's own admins do. Disclosure offices are "
                    + "never reached this way.")
    AgencyView delegateBranchUsers(@PathVariable AgencySlug slug, @Valid @RequestBody BranchDelegationChange change) {
        return queries.view(lifecycle.delegateBranchUsers(slug, change.branchUsersDelegated()));
    }

    /** @param branchUsersDelegated whether the agency's admins manage the users of the agencies below it */
    record BranchDelegationChange(@NotNull Boolean branchUsersDelegated) {}

    @PostMapping("/{slug}/suspend")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(
            summary = "Suspend",
            description = "Every service refuses the agency (403); its organization is disabled.")
    AgencyView suspend(@PathVariable AgencySlug slug) {
        return queries.view(lifecycle.changeStatus(slug, AgencyStatus.SUSPENDED));
    }

    @PostMapping("/{slug}/archive")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(summary = "Archive", description = "The agency stops reporting; its schema and data are kept.")
    AgencyView archive(@PathVariable AgencySlug slug) {
        return queries.view(lifecycle.changeStatus(slug, AgencyStatus.ARCHIVED));
    }

    @PostMapping("/{slug}/activate")
    @PreAuthorize("hasRole('platform-admin')")
    @Operation(summary = "Activate", description = "Undo suspend or archive; the organization is enabled again.")
    AgencyView activate(@PathVariable AgencySlug slug) {
        return queries.view(lifecycle.changeStatus(slug, AgencyStatus.ACTIVE));
    }
}
