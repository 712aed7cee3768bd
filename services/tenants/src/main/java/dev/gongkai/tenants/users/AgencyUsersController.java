package dev.gongkai.tenants.users;

import dev.gongkai.contract.MemberView;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agencies/{slug}/users")
@Tag(name = "Agency users", description = "机构用户 — the members of an agency's Keycloak Organization")
class AgencyUsersController {

    private final AgencyUsers users;

    AgencyUsersController(AgencyUsers users) {
        this.users = users;
    }

    @GetMapping
    @Operation(
            summary = "An agency's users",
            description =
                    "Platform admins: any agency; an agency-admin: their own "
                            + "(another agency: 404). Each user's roles in this agency and pending required actions such as UPDATE_PASSWORD.")
    List<MemberView> list(Caller caller, @PathVariable AgencySlug slug) {
        return users.list(caller, slug);
    }

    @PostMapping
    @Operation(
            summary = "Add a user",
            description = "Created with a temporary password, returned once, that must be "
                    + "changed at the first sign-in. 422 for platform-admin, or office roles outside a disclosure office; "
                    + "409 when the username or email is taken.")
    ResponseEntity<MemberView.Added> add(
            Caller caller, @PathVariable AgencySlug slug, @Valid @RequestBody CreateUser command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.add(caller, slug, command));
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a user", description = "They can no longer sign in. 404 unless a member.")
    ResponseEntity<Void> disable(Caller caller, @PathVariable AgencySlug slug, @PathVariable String username) {
        users.setEnabled(caller, slug, username, false);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/roles")
    @Operation(
            summary = "Change a user's roles",
            description = "Replaces the roles the user holds in this agency "
                    + "(not elsewhere); their next request holds the new ones. 422 for platform-admin, or office roles "
                    + "outside a disclosure office; 409 when the caller would take away their own agency-admin as the "
                    + "agency's last enabled admin; 404 unless a member.")
    AgencyUsers.MemberRoles changeRoles(
            Caller caller,
            @PathVariable AgencySlug slug,
            @PathVariable String username,
            @Valid @RequestBody ChangeRoles command) {
        return users.changeRoles(caller, slug, username, command);
    }

    @DeleteMapping("/{username}")
    @Operation(
            summary = "Remove a user from this agency",
            description =
                    "Ends their membership of this agency only, "
                            + "in the registry and in the agency's Keycloak Organization; their Keycloak account stays, disabled when "
                            + "they belong to no other agency. 409 when the caller would remove themself as the agency's last enabled "
                            + "admin; 404 unless a member; 502 when Keycloak fails, and then nothing has changed in the registry.")
    ResponseEntity<Void> remove(Caller caller, @PathVariable AgencySlug slug, @PathVariable String username) {
        users.remove(caller, slug, username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a user", description = "Undo disable. 404 unless a member.")
    ResponseEntity<Void> enable(Caller caller, @PathVariable AgencySlug slug, @PathVariable String username) {
        users.setEnabled(caller, slug, username, true);
        return ResponseEntity.noContent().build();
    }
}
