package dev.gongkai.console.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.ModelAndView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} (or a form over {@code max-request-size}): the user reads
 * that the file is too large and what the limit is, in their language, inside the shell, with a link back to the page
 * they chose it on (every upload form posts to its own page's address), and 413.
 *
 * <p>The container refuses such a body before any handler runs, so the form's CSRF token in it cannot be read either:
 * {@link #tooLarge(MultipartResolver)} lets the CSRF check pass over exactly these requests. That is safe because the
 * dispatcher cannot resolve their parts and so never calls a handler for them; all they can get is this page. Not
 * scoped to a package like {@link ProblemPages}: there is no handler whose package could be asked.
 */
@ControllerAdvice
public class UploadLimit {

    private final ShellAdvice shell;
    private final MessageSource messages;
    private final DataSize maxFileSize;

    UploadLimit(ShellAdvice shell, MessageSource messages, MultipartProperties properties) {
        this.shell = shell;
        this.messages = messages;
        this.maxFileSize = properties.getMaxFileSize();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        ModelAndView page = new ModelAndView("problem");
        shell.addWithoutServicesTo(page, request);
        page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        page.addObject("code", "upload.too-large");
        page.addObject("message", messages.getMessage("problem.tooLarge", new Object[] {megabytes(maxFileSize)}, locale));
        page.addObject("back", request.getRequestURI());
        return page;
    }

    /** "20" for 20 MB; "0.5" for 512 KB. */
    static String megabytes(DataSize size) {
        return BigDecimal.valueOf(size.toBytes()).divide(BigDecimal.valueOf(DataSize.ofMegabytes(1).toBytes()), 1,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
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
}
