package dev.gongkai.console.admin;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.JurisdictionView;
import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.contract.MigrationStates;
import dev.gongkai.contract.MigrationSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' view of tenants: agencies as a tree per jurisdiction with each schema's migration state; provision,
 * suspend, archive, activate; let a parent agency's admins manage its branches' users; migrate all schemas.
 */
@Controller
class AgenciesController {

    static final Set<String> LIFECYCLE = Set.of("suspend", "archive", "activate");

    private final AdminClient tenants;
    private final JsonMapper json;

    AgenciesController(Services services, JsonMapper json) {
        this.tenants = AdminClient.of(services);
        this.json = json;
    }

    /** An agency and the agencies under it (a bureau's district branches). */
    record Node(AgencyView agency, List<Node> children) {}

    record JurisdictionTree(JurisdictionView jurisdiction, List<Node> roots) {}

    @GetMapping("/admin/agencies")
    String tree(Model model) {
        return tree(model, tenants.agencies());
    }

    private String tree(Model model, List<AgencyView> agencies) {
        List<JurisdictionView> jurisdictions = tenants.jurisdictions();
        model.addAttribute("trees", trees(jurisdictions, agencies));
        model.addAttribute("jurisdictions", jurisdictions);
        model.addAttribute("agencies", agencies);
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (user != null && user.isPlatformAdmin()) {
            MigrationStates migrations = tenants.migrations();
            Map<String, MigrationStates.SchemaState> states = new LinkedHashMap<>();
            migrations.states().forEach(s -> states.put(s.agency(), s));
            model.addAttribute("migrations", migrations);
            model.addAttribute("migrationStates", states);
        }
        return "admin/agencies";
    }

    /**
     * Applies the tenant changelog to every agency schema and shows the counts; the service answers 500 with the
     * same summary when a schema failed, and the failed agencies are named (why each failed is in the tenants
     * service's log: a database's message is not for the page).
     */
    @PostMapping("/admin/migrate-all")
    String migrateAll(Locale locale, Model model) {
        MigrationSummary summary = null;
        try {
            summary = tenants.migrateAll();
        } catch (ServiceProblem problem) {
            if (problem.has("failed")) {
                summary = problem.body(MigrationSummary.class, json);
            } else {
                model.addAttribute("error", problem.message(locale));
            }
        }
        List<AgencyView> agencies = tenants.agencies();
        if (summary != null) {
            model.addAttribute("migrateAll", summary);
            model.addAttribute("migrationFailed", failed(summary, agencies));
        }
        return tree(model, agencies);
    }

    /** The names of the agencies whose schema failed, in the summary's order; a slug only for an agency not listed. */
    static List<String> failed(MigrationSummary summary, List<AgencyView> agencies) {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.forEach(a -> names.put(a.slug(), a.nameZh()));
        return summary.results().stream()
                .filter(r -> r.outcome() == MigrationOutcome.FAILED)
                .map(r -> names.getOrDefault(r.agency(), r.agency()))
                .toList();
    }

    static List<JurisdictionTree> trees(List<JurisdictionView> jurisdictions, List<AgencyView> agencies) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        agencies.forEach(a -> nodes.put(a.slug(), new Node(a, new ArrayList<>())));
        List<JurisdictionTree> trees = new ArrayList<>();
        for (JurisdictionView jurisdiction : jurisdictions) {
            List<Node> roots = new ArrayList<>();
            for (Node node : nodes.values()) {
                if (!jurisdiction.slug().equals(node.agency().jurisdiction().slug())) {
                    continue;
                }
                String parent = node.agency().parent();
                if (parent != null && nodes.containsKey(parent)) {
                    nodes.get(parent).children().add(node);
                } else {
                    roots.add(node);
                }
            }
            trees.add(new JurisdictionTree(jurisdiction, roots));
        }
        return trees;
    }

    /** Provisioning runs its steps synchronously; the answer lists each step with what it did. */
    @PostMapping("/admin/agencies")
    String create(
            @RequestParam String slug,
            @RequestParam String nameZh,
            @RequestParam AgencyKind kind,
            @RequestParam String jurisdiction,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String adminUsername,
            Locale locale,
            Model model) {
        var command = new AdminClient.NewAgency(
                slug.strip(),
                nameZh.strip(),
                kind,
                jurisdiction,
                parent == null || parent.isBlank() ? null : parent,
                adminUsername == null || adminUsername.isBlank()
                        ? null
                        : new AdminClient.NewAgency.FirstAdmin(adminUsername.strip()));
        try {
            model.addAttribute("report", tenants.provision(command));
            model.addAttribute("provisionedName", command.nameZh());
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
            model.addAttribute("command", command);
        }
        return tree(model);
    }

    /** Sets or clears 下属单位的用户由本单位管理员管理 (the page asks for confirmation first). */
    @PostMapping("/admin/agencies/{slug}/branch-delegation")
    String delegateBranchUsers(
            @PathVariable String slug, @RequestParam boolean delegated, Locale locale, RedirectAttributes redirect) {
        try {
            tenants.delegateBranchUsers(slug, new AdminClient.BranchDelegation(delegated));
            redirect.addFlashAttribute("notice", delegated ? "admin.done.delegate" : "admin.done.undelegate");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/admin/agencies";
    }

    @PostMapping("/admin/agencies/{slug}/{action}")
    String lifecycle(
            @PathVariable String slug, @PathVariable String action, Locale locale, RedirectAttributes redirect) {
        if (!LIFECYCLE.contains(action)) {
            return "redirect:/admin/agencies";
        }
        try {
            tenants.lifecycle(slug, action);
            redirect.addFlashAttribute("notice", "admin.done." + action);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/admin/agencies";
    }
}
