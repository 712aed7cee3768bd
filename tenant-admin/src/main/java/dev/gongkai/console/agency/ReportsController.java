package dev.gongkai.console.agency;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The agency's reports by year, with status and the legal deadline; creating the draft of a year. */
@Controller
class ReportsController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The first year of the national format the service accepts. */
    static final int FIRST_YEAR = 2019;
    static final int YEARS_SHOWN = 4;

    private final ReportsApi reports;

    ReportsController(ReportsApi reports) {
        this.reports = reports;
    }

    /** One year of the list; {@code status} is null when the agency has no report of that year yet. */
    record YearRow(int year, String status, Integer revision, LocalDate deadline, long daysLeft, String updatedAt) {
        public boolean exists() {
            return status != null;
        }

        public boolean late() {
            return daysLeft < 0 && !"PUBLISHED".equals(status);
        }
    }

    @GetMapping("/reports")
    String list(Model model) {
        LocalDate today = LocalDate.now(CHINA);
        List<YearRow> rows = new ArrayList<>();
        // The service has no list of an agency's years, so the console asks for the recent ones.
        for (int year = today.getYear(); year > today.getYear() - YEARS_SHOWN && year >= FIRST_YEAR; year--) {
            LocalDate deadline = LocalDate.of(year + 1, 1, 31);
            long daysLeft = ChronoUnit.DAYS.between(today, deadline);
            final int y = year;
            rows.add(reports.find(year).map(found -> {
                JsonNode body = found.getBody();
                return new YearRow(y, body.path("status").asString(), body.path("revision").asInt(), deadline,
                        daysLeft, body.path("updatedAt").asString(null));
            }).orElse(new YearRow(year, null, null, deadline, daysLeft, null)));
        }
        model.addAttribute("rows", rows);
        return "agency/reports";
    }

    @PostMapping("/reports")
    String create(@RequestParam int year) {
        reports.create(year);
        return "redirect:/reports/" + year;
    }
}
