package dev.gongkai.console.admin;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * The operators' view of tenants: agencies as a tree per jurisdiction with each schema's migration state; provision,
 * suspend, archive, activate; let a parent agency's admins manage its branches' users; migrate all schemas.
 */
@Controller
class AgenciesController {

    static final Set<String> LIFECYCLE = Set.of("suspend", "archive", "activate");

    private final Services services;
    private final JsonMapper json;

    AgenciesController(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    /** An agency and the agencies under it (a bureau's district branches). */
    record Node(JsonNode agency, List<Node> children) {}

    record JurisdictionTree(JsonNode jurisdiction, List<Node> roots) {}

    @GetMapping("/admin/agencies")
    String tree(Model model) {
        JsonNode jurisdictions =
                services.tenants().get().uri("/api/jurisdictions").retrieve().body(JsonNode.class);
        JsonNode agencies =
                services.tenants().get().uri("/api/agencies").retrieve().body(JsonNode.class);
        model.addAttribute("trees", trees(jurisdictions, agencies));
        model.addAttribute("jurisdictions", jurisdictions);
        model.addAttribute("agencies", agencies);
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (user != null && user.isPlatformAdmin()) {
            JsonNode migrations = services.tenants()
                    .get()
                    .uri("/api/admin/migrations")
                    .retrieve()
                    .body(JsonNode.class);
            Map<String, JsonNode> states = new LinkedHashMap<>();
            migrations.path("states").forEach(s -> states.put(s.path("agency").asString(), s));
            model.addAttribute("migrations", migrations);
            model.addAttribute("migrationStates", states);
        }
        return "admin/agencies";
    }

    /**
     * Applies the tenant changelog to every agency schema and shows the counts; the service answers 500 with the
     * same summary when a schema failed, and the failed ones are listed.
     */
    @PostMapping("/admin/migrate-all")
    String migrateAll(Locale locale, Model model) {
        try {
            model.addAttribute(
                    "migrateAll",
                    services.tenants()
                            .post()
                            .uri("/api/admin/migrate-all")
                            .retrieve()
                            .body(JsonNode.class));
        } catch (ServiceProblem problem) {
            if (problem.body() != null && problem.body().has("failed")) {
                model.addAttribute("migrateAll", problem.body());
            } else {
                model.addAttribute("error", problem.message(locale));
            }
        }
        return tree(model);
    }

    static List<JurisdictionTree> trees(JsonNode jurisdictions, JsonNode agencies) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        agencies.forEach(a -> nodes.put(a.path("slug").asString(), new Node(a, new ArrayList<>())));
        List<JurisdictionTree> trees = new ArrayList<>();
        for (JsonNode jurisdiction : jurisdictions) {
            String slug = jurisdiction.path("slug").asString();
            List<Node> roots = new ArrayList<>();
            for (Node node : nodes.values()) {
                if (!slug.equals(node.agency().path("jurisdiction").path("slug").asString())) {
                    continue;
                }
                String parent = node.agency().path("parent").asString(null);
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
            @RequestParam String kind,
            @RequestParam String jurisdiction,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String adminUsername,
            Locale locale,
            Model model) {
        var command = json.createObjectNode()
                .put("slug", slug.strip())
                .put("nameZh", nameZh.strip())
                .put("kind", kind)
                .put("jurisdiction", jurisdiction);
        if (parent != null && !parent.isBlank()) {
            command.put("parent", parent);
        }
        if (adminUsername != null && !adminUsername.isBlank()) {
            command.putObject("firstAdmin").put("username", adminUsername.strip());
        }
        try {
            JsonNode report = services.tenants()
                    .post()
                    .uri("/api/agencies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(command)
                    .retrieve()
                    .body(JsonNode.class);
            model.addAttribute("report", report);
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
            services.tenants()
                    .put()
                    .uri("/api/agencies/{slug}/branch-delegation", slug)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.createObjectNode().put("branchUsersDelegated", delegated))
                    .retrieve()
                    .toBodilessEntity();
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
            services.tenants()
                    .post()
                    .uri("/api/agencies/{slug}/{action}", slug, action)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "admin.done." + action);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/admin/agencies";
    }
}
