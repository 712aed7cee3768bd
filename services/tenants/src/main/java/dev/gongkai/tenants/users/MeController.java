package dev.gongkai.tenants.users;

import dev.gongkai.contract.MeView;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "当前用户 — the caller's own agencies and roles")
class MeController {

    private final AgencyRegistry registry;

    MeController(AgencyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/me")
    @Operation(
            summary = "My agencies and roles",
            description = "The agencies the caller acts for (choose one with "
                    + "X-Agency) and the roles held in each; the console's agency switcher lists them.")
    MeView me(Caller caller) {
        return new MeView(
                caller.username(),
                caller.platformRoles().stream().sorted().toList(),
                caller.organizations().stream()
                        .map(slug -> registry.find(slug)
                                .map(agency -> new MeView.Membership(
                                        slug.value(),
                                        agency.nameZh(),
                                        agency.kind(),
                                        caller.rolesIn(slug).stream().sorted().toList())))
                        .flatMap(Optional::stream)
                        .toList());
    }
}
