package dev.gongkai.console.shell;

import dev.gongkai.console.security.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page depends on who signed in: agency staff, the office, or the operators. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (user != null && user.isOffice()) {
            return "redirect:/office";
        }
        if (user != null && user.isAgencyStaff()) {
            return "redirect:/reports";
        }
        if (user != null && user.isPlatformAdmin()) {
            return "redirect:/admin/agencies";
        }
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
