package dev.gongkai.console.branches;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.report.rules.ReportCycle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;

/**
 * Whether the shell links to 下属单位: only for a parent agency's admin or approver, and only when the agency has
 * branches (asked once per session and acting agency; the session is in Redis).
 */
@ControllerAdvice(basePackages = "dev.gongkai.console")
class BranchesLink {

    static final String KEY = "console.has-branches.";

    private final BranchesClient branches;

    BranchesLink(Services services) {
        this.branches = BranchesClient.of(services);
    }

    @ModelAttribute("hasBranches")
    boolean hasBranches(HttpServletRequest request) {
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (user == null
                || user.acting() == null
                || !(user.has(ConsoleUser.AGENCY_ADMIN) || user.has(ConsoleUser.APPROVER))) {
            return false;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(KEY + user.acting()) instanceof Boolean known) {
            return known;
        }
        try {
            boolean any = !branches.branches(ReportCycle.drafting(ReportCycle.today()))
                    .branches()
                    .isEmpty();
            session.setAttribute(KEY + user.acting(), any);
            return any;
        } catch (ServiceProblem | ResourceAccessException e) {
            // Not kept: the next page asks again once the service answers.
            return false;
        }
    }
}
