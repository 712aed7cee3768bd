package dev.gongkai.platform.error;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The single place where exceptions become HTTP answers: always an RFC 9457 problem with {@code code},
 * {@code message_zh} and {@code message_en}; never a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        // A typed id in the path (e.g. an AgencySlug) refused its value: answer with its own explanation.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api.atField(e.getName()));
            }
            if (t instanceof DomainException domain) {
                return api(domain.toApiException().atField(e.getName()));
            }
        }
        return api(new ApiException(ProblemCode.REQUEST_PARAMETER_INVALID, e.getName()));
    }

    /** A domain value (e.g. a slug) refused its input in its own terms: here that becomes its problem. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return api(e.toApiException());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return api(new ApiException(ProblemCode.ACCESS_DENIED));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return api(new ApiException(ProblemCode.AUTHENTICATION_REQUIRED));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled exception", e);
        return ResponseEntity.internalServerError().body(Problems.unexpected());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemAdvice::fieldError)
                .toList();
        ProblemDetail problem = Problems.of(ProblemCode.REQUEST_INVALID, errors.size());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(new ApiException(ProblemCode.REQUEST_INVALID).variant("parameters"));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own MVC errors (404 no handler, 405, unreadable body…) get the same shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            HttpStatus resolved = HttpStatus.resolve(status.value());
            String reason = resolved != null ? resolved.getReasonPhrase() : "Error";
            problem.setProperty("code", "http." + status.value());
            problem.setProperty("message_zh", chinese(status.value()));
            problem.setProperty("message_en", problem.getDetail() != null ? problem.getDetail() : reason);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** A field the bean validation refused, with its constraint's message. */
    record InvalidField(String field, String message) {}

    private static InvalidField fieldError(FieldError error) {
        return new InvalidField(
                error.getField(), error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    private static String chinese(int status) {
        return switch (status) {
            case 400 -> "请求不合法";
            case 404 -> "未找到请求的资源";
            case 405 -> "不支持该请求方法";
            case 406, 415 -> "不支持的内容类型";
            default -> "请求无法处理";
        };
    }
}
