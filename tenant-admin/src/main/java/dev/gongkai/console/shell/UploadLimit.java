package dev.gongkai.console.shell;

import dev.gongkai.contract.UploadKind;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.WebUtils;

/**
 * A file over the limit of its kind of upload ({@link UploadKind}, named on the handler by {@link UploadOf}): the user
 * reads that the file is too large and what that kind's limit is, in their language, inside the shell, with a link
 * back to the page they chose it on (every upload form posts to its own page's address), and 413.
 *
 * <p>Two ways a file is over it. The container's multipart limit is the largest kind's (the office's archive),
 * derived here rather than written in {@code application.yaml}; a body over it is refused before any handler runs,
 * so the form's CSRF token in it cannot be read either: {@link #tooLarge(MultipartResolver)} lets the CSRF check pass
 * over exactly these requests. That is safe because the dispatcher cannot resolve their parts and so never calls a
 * handler for them; all they can get is this page, which names the limit of the handler the address maps to. A file
 * within the container's limit but over its own kind's (a 30 MB attachment) is read, its CSRF token checked as
 * always, and refused before the handler runs by {@link Check}. Not scoped to a package like {@link ProblemPages}:
 * for the first way there is no handler whose package could be asked.
 */
@ControllerAdvice
public class UploadLimit {

    /** Room for the form's other fields beside the file (the onboarding's mapping, the CSRF token). */
    static final long FORM_FIELDS_BYTES = 1024L * 1024;

    private final ShellAdvice shell;
    private final MessageSource messages;
    private final ApplicationContext context;

    UploadLimit(ShellAdvice shell, MessageSource messages, ApplicationContext context) {
        this.shell = shell;
        this.messages = messages;
        this.context = context;
    }

    /** A file within the container's limit but over its own kind's. */
    static final class TooLarge extends RuntimeException {

        private final UploadKind kind;

        TooLarge(UploadKind kind) {
            super(kind + " over " + kind.megabytes() + " MB", null, false, false);
            this.kind = kind;
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView overTheContainersLimit(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        return page(kindOf(request), locale, request, response);
    }

    @ExceptionHandler(TooLarge.class)
    ModelAndView overItsKindsLimit(
            TooLarge refused, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        return page(refused.kind, locale, request, response);
    }

    private ModelAndView page(
            UploadKind kind, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        ModelAndView page = new ModelAndView("problem");
        shell.addWithoutServicesTo(page, request);
        page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        page.addObject("code", "upload.too-large");
        page.addObject("message", messages.getMessage("problem.tooLarge", new Object[] {kind.megabytes()}, locale));
        page.addObject("back", request.getRequestURI());
        return page;
    }

    /** The kind of the handler the request's address maps to; the largest kind (the container's) for any other. */
    private UploadKind kindOf(HttpServletRequest request) {
        try {
            HandlerExecutionChain chain = context.getBean(
                            "requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                    .getHandler(request);
            if (chain != null
                    && chain.getHandler() instanceof HandlerMethod method
                    && method.getMethodAnnotation(UploadOf.class) instanceof UploadOf upload) {
                return upload.value();
            }
        } catch (Exception noHandler) {
            // No handler of ours: the container's limit is the one that applied.
        }
        return UploadKind.largest();
    }

    /** For {@link CsrfFilter}: the requests whose parts the container refused for their size. */
    public static RequestMatcher tooLarge(MultipartResolver multipart) {
        return request -> {
            if (!multipart.isMultipart(request)) {
                return false;
            }
            try {
                multipart.resolveMultipart(request);
                return false;
            } catch (MaxUploadSizeExceededException e) {
                return true;
            } catch (MultipartException e) {
                return false;
            }
        };
    }

    /** Refuses, before the handler runs, a file over the limit of the handler's {@link UploadOf kind}. */
    static final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method
                    && method.getMethodAnnotation(UploadOf.class) instanceof UploadOf upload) {
                MultipartHttpServletRequest multipart =
                        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
                if (multipart != null) {
                    for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
                        for (MultipartFile file : files) {
                            if (file.getSize() > upload.value().maxBytes()) {
                                throw new TooLarge(upload.value());
                            }
                        }
                    }
                }
            }
            return true;
        }
    }

    /** The container's limits from the largest kind, and {@link Check} on every handler. */
    @Configuration
    static class Limits implements WebMvcConfigurer {

        @Bean
        MultipartConfigElement multipartConfigElement() {
            long file = UploadKind.largest().maxBytes();
            return new MultipartConfigElement("", file, file + FORM_FIELDS_BYTES, 0);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new Check());
        }
    }
}
