package dev.gongkai.console.admin;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agency's users (the members of its Keycloak Organization, through the tenants service): roles, status and
 * pending sign-in actions; add one (the temporary password is shown once, on the page after adding), disable, enable,
 * change the roles they hold in this agency, or remove them from it (their other agencies keep them).
 * The same page serves a parent agency's admin managing a branch's users when the platform admin allows it; the
 * heading then says whose users they are and for which agency they are managed.
 */
@Controller
class AgencyUsersController {

    static final Set<String> ACTIONS = Set.of("disable", "enable");
    static final List<String> AGENCY_ROLES = List.of("agency-editor", "agency-approver", "agency-admin");
    static final List<String> OFFICE_ROLES = List.of("office-reviewer", "office-admin");

    private final Services services;
    private final JsonMapper json;

    AgencyUsersController(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    @GetMapping("/admin/agencies/{slug}/users")
    String users(@PathVariable String slug, Model model) {
        JsonNode agency = services.tenants()
                .get()
                .uri("/api/agencies/{slug}", slug)
                .retrieve()
                .body(JsonNode.class);
        JsonNode users = services.tenants()
                .get()
                .uri("/api/agencies/{slug}/users", slug)
                .retrieve()
                .body(JsonNode.class);
        // "agency" is the shell's: the signed-in user's own agency.
        model.addAttribute("managed", agency);
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        // The service let them in: anyone but a platform admin on an agency other than their own is its parent's admin.
        model.addAttribute("fromParent", user != null && !user.isPlatformAdmin() && !slug.equals(user.acting()));
        model.addAttribute("users", users);
        // Each user's roles here, by username: the boxes of their roles form that start ticked.
        Map<String, Set<String>> held = new HashMap<>();
        users.forEach(u -> held.put(
                u.path("username").asString(),
                u.path("roles").valueStream().map(JsonNode::asString).collect(Collectors.toSet())));
        model.addAttribute("held", held);
        model.addAttribute(
                "grantable",
                "DISCLOSURE_OFFICE".equals(agency.path("kind").asString())
                        ? Stream.concat(AGENCY_ROLES.stream(), OFFICE_ROLES.stream())
                                .toList()
                        : AGENCY_ROLES);
        return "admin/users";
    }

    @PostMapping("/admin/agencies/{slug}/users")
    String add(
            @PathVariable String slug,
            @RequestParam String username,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName,
            @RequestParam(name = "roles", required = false) List<String> roles,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        var command = json.createObjectNode().put("username", username.strip());
        putIfPresent(command, "email", email);
        putIfPresent(command, "firstName", firstName);
        putIfPresent(command, "lastName", lastName);
        var granted = command.putArray("roles");
        (roles == null ? List.<String>of() : roles).forEach(granted::add);
        try {
            // Post/redirect/get: the one-time password travels in the session's flash, so reloading the page
            // neither adds the user again nor shows the password a second time.
            redirect.addFlashAttribute(
                    "added",
                    services.tenants()
                            .post()
                            .uri("/api/agencies/{slug}/users", slug)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(command)
                            .retrieve()
                            .body(JsonNode.class));
            return "redirect:/admin/agencies/{slug}/users";
        } catch (ServiceProblem problem) {
            if (problem.is(404) || problem.is(403)) {
                throw problem;
            }
            model.addAttribute("error", problem.message(locale));
            model.addAttribute("command", command);
            return users(slug, model);
        }
    }

    @PostMapping("/admin/agencies/{slug}/users/{username}/{action}")
    String setEnabled(
            @PathVariable String slug,
            @PathVariable String username,
            @PathVariable String action,
            Locale locale,
            RedirectAttributes redirect) {
        if (ACTIONS.contains(action)) {
            try {
                services.tenants()
                        .post()
                        .uri("/api/agencies/{slug}/users/{username}/{action}", slug, username, action)
                        .retrieve()
                        .toBodilessEntity();
                redirect.addFlashAttribute("notice", "users.done." + action);
            } catch (ServiceProblem problem) {
                redirect.addFlashAttribute("error", problem.message(locale));
            }
        }
        return "redirect:/admin/agencies/{slug}/users";
    }

    /** Replaces the roles the user holds in this agency with the boxes ticked (none ticked: the service refuses). */
    @PostMapping("/admin/agencies/{slug}/users/{username}/roles")
    String changeRoles(
            @PathVariable String slug,
            @PathVariable String username,
            @RequestParam(name = "roles", required = false) List<String> roles,
            Locale locale,
            RedirectAttributes redirect) {
        var command = json.createObjectNode();
        var granted = command.putArray("roles");
        (roles == null ? List.<String>of() : roles).forEach(granted::add);
        return change(
                locale,
                redirect,
                "users.done.roles",
                () -> services.tenants()
                        .put()
                        .uri("/api/agencies/{slug}/users/{username}/roles", slug, username)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(command)
                        .retrieve()
                        .toBodilessEntity());
    }

    /** Ends the user's membership of this agency only (their other agencies keep them). */
    @PostMapping("/admin/agencies/{slug}/users/{username}/remove")
    String remove(
            @PathVariable String slug, @PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return change(
                locale,
                redirect,
                "users.done.remove",
                () -> services.tenants()
                        .delete()
                        .uri("/api/agencies/{slug}/users/{username}", slug, username)
                        .retrieve()
                        .toBodilessEntity());
    }

    /** Post/redirect/get: the outcome, or the service's words on why not, shown once on the list. */
    private static String change(Locale locale, RedirectAttributes redirect, String done, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/admin/agencies/{slug}/users";
    }

    private static void putIfPresent(ObjectNode command, String field, String value) {
        if (value != null && !value.isBlank()) {
            command.put(field, value.strip());
        }
    }
}
