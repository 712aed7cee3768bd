package dev.gongkai.console.shell;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.console.services.TenantsClient;
import dev.gongkai.contract.AgencyView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's shell shows: the signed-in user, their agency's name (from the tenants service, once per
 * session) and the current path for the language switch.
 */
@ControllerAdvice(basePackages = "dev.gongkai.console")
public class ShellAdvice {

    static final String AGENCY = "console.agency";

    private final TenantsClient tenants;

    ShellAdvice(Services services) {
        this.tenants = TenantsClient.of(services);
    }

    @ModelAttribute("user")
    ConsoleUser user() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("agency")
    Agency agency(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ConsoleUser user = ConsoleUser.of(authentication);
        if (user == null || user.organizations().isEmpty()) {
            return null;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(AGENCY) instanceof Agency cached
                && cached.slug().equals(user.acting())) {
            return cached;
        }
        try {
            AgencyView me = tenants.acting();
            Agency agency = new Agency(
                    me.slug(),
                    me.nameZh(),
                    me.kind().name(),
                    me.jurisdiction().slug(),
                    me.jurisdiction().nameZh());
            session.setAttribute(AGENCY, agency);
            return agency;
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            // The shell still renders; the page itself says what failed when it needs the agency.
            return null;
        }
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The shell's attributes on a page that no handler built: exception handlers get no {@code @ModelAttribute}. */
    void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject("user", user());
        page.addObject("agency", agency(request));
        page.addObject("currentPath", currentPath(request));
    }

    /**
     * The same without calling a service, the agency as far as the session knows it: for a request whose parameters
     * cannot be read (a body over the upload limit), since the services' token look-up reads them.
     */
    void addWithoutServicesTo(ModelAndView page, HttpServletRequest request) {
        ConsoleUser user = user();
        page.addObject("user", user);
        HttpSession session = request.getSession(false);
        page.addObject(
                "agency",
                user != null
                                && session != null
                                && session.getAttribute(AGENCY) instanceof Agency cached
                                && cached.slug().equals(user.acting())
                        ? cached
                        : null);
        page.addObject("currentPath", currentPath(request));
    }

    /** The agency the user acts for, as the tenants service knows it; cached in the session, which is in Redis. */
    public record Agency(String slug, String nameZh, String kind, String jurisdiction, String jurisdictionName)
            implements java.io.Serializable {}
}
