package dev.gongkai.console.shell;

import dev.gongkai.console.services.ServiceProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal, or a service that does not answer, shown as a page in the user's language, inside the same
 * shell as every other page (navigation, language, sign-out).
 */
@ControllerAdvice(basePackages = "dev.gongkai.console")
class ProblemPages {

    private final ShellAdvice shell;

    ProblemPages(ShellAdvice shell) {
        this.shell = shell;
    }

    @ExceptionHandler(ServiceProblem.class)
    ModelAndView problem(
            ServiceProblem problem, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        int status = problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502;
        response.setStatus(status == 401 ? 403 : status);
        ModelAndView page = new ModelAndView("problem");
        shell.addTo(page, request);
        page.addObject("status", status);
        page.addObject("code", problem.code());
        page.addObject("message", problem.message(locale));
        return page;
    }

    /** A service that refused the connection (502), or accepted it and did not answer within the read timeout (504). */
    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException e, HttpServletRequest request, HttpServletResponse response) {
        boolean timedOut = timedOut(e);
        int status = timedOut ? 504 : 502;
        response.setStatus(status);
        ModelAndView page = new ModelAndView("problem");
        shell.addTo(page, request);
        page.addObject("status", status);
        page.addObject("code", timedOut ? "service.timeout" : "service.unreachable");
        page.addObject("messageKey", timedOut ? "problem.timeout" : "problem.unreachable");
        return page;
    }

    static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
