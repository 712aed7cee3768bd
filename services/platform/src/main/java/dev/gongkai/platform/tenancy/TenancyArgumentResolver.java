package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers declare {@link ActingAgency} or {@link Caller} parameters instead of reading tokens. */
class TenancyArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == ActingAgency.class || type == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        var context = (TenancyFilter.TenancyContext)
                request.getAttribute(TenancyFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (context == null) {
            throw new ApiException(ProblemCode.AUTHENTICATION_REQUIRED);
        }
        if (parameter.getParameterType() == Caller.class) {
            return context.caller();
        }
        return context.acting()
                .orElseThrow(() -> context.caller().organizations().isEmpty()
                        ? new ApiException(ProblemCode.AGENCY_NONE)
                        : new ApiException(ProblemCode.AGENCY_AMBIGUOUS));
    }
}
