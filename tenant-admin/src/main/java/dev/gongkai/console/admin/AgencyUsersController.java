package dev.gongkai.console.admin;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.MemberView;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    private final AdminClient tenants;

    AgencyUsersController(Services services) {
        this.tenants = AdminClient.of(services);
    }

    /** A user just added and their temporary password, kept in the session's flash until the list shows them. */
    record Added(String username, String temporaryPassword) implements Serializable {}

    @GetMapping("/admin/agencies/{slug}/users")
    String users(@PathVariable String slug, Model model) {
        AgencyView agency = tenants.agency(slug);
        List<MemberView> users = tenants.users(slug);
        // "agency" is the shell's: the signed-in user's own agency.
        model.addAttribute("managed", agency);
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        // The service let them in: anyone but a platform admin on an agency other than their own is its parent's admin.
        model.addAttribute("fromParent", user != null && !user.isPlatformAdmin() && !slug.equals(user.acting()));
        model.addAttribute("users", users);
        // Each user's roles here, by username: the boxes of their roles form that start ticked.
        Map<String, Set<String>> held = new HashMap<>();
        users.forEach(u -> held.put(u.username(), Set.copyOf(u.roles())));
        model.addAttribute("held", held);
        model.addAttribute(
                "grantable",
                agency.kind() == AgencyKind.DISCLOSURE_OFFICE
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
        var command = new AdminClient.NewUser(
                username.strip(), present(email), present(firstName), present(lastName), granted(roles));
        try {
            // Post/redirect/get: the one-time password travels in the session's flash, so reloading the page
            // neither adds the user again nor shows the password a second time.
            MemberView.Added added = tenants.addUser(slug, command);
            redirect.addFlashAttribute("added", new Added(added.member().username(), added.temporaryPassword()));
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
                tenants.setEnabled(slug, username, action);
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
        return change(
                locale,
                redirect,
                "users.done.roles",
                () -> tenants.changeRoles(slug, username, new AdminClient.Roles(granted(roles))));
    }

    /** Ends the user's membership of this agency only (their other agencies keep them). */
    @PostMapping("/admin/agencies/{slug}/users/{username}/remove")
    String remove(
            @PathVariable String slug, @PathVariable String username, Locale locale, RedirectAttributes redirect) {
        return change(locale, redirect, "users.done.remove", () -> tenants.removeUser(slug, username));
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

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> granted(List<String> roles) {
        return roles == null ? List.of() : roles;
    }
}
