package dev.gongkai.console.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shell's agency switcher: someone who belongs to several agencies acts for one at a time; the choice is kept in
 * the session and sent to the services with every call. Only one of the user's own agencies can be chosen.
 */
@Controller
class AgencySwitchController {

    @PostMapping("/acting-agency")
    String choose(Authentication authentication, HttpSession session, @RequestParam String agency) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (user != null && user.agencies().containsKey(agency)) {
            session.setAttribute(ConsoleUser.ACTING, agency);
        }
        // The page in view belonged to the other agency: start again from home, which offers this one's pages.
        return "redirect:/";
    }
}
