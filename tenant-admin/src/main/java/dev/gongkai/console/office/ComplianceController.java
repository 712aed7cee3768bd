package dev.gongkai.console.office;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The compliance dashboard, on the publishing service's {@code /api/office/compliance}. While that API does not
 * exist the page says so plainly instead of pretending.
 */
@Controller
class ComplianceController {

    private final Services services;

    ComplianceController(Services services) {
        this.services = services;
    }

    @GetMapping("/office/compliance")
    String compliance(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        model.addAttribute("year", shown);
        try {
            JsonNode body = services.publishing().get().uri("/api/office/compliance?year={year}", shown).retrieve()
                    .body(JsonNode.class);
            model.addAttribute("compliance", body);
            model.addAttribute("rows", body.isArray() ? body : body.path("agencies"));
        } catch (ServiceProblem problem) {
            if (!problem.is(404) && !problem.is(405)) {
                throw problem;
            }
            model.addAttribute("missing", true);
        }
        return "office/compliance";
    }
}
