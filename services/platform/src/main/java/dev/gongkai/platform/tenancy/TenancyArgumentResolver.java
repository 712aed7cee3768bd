package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.error.ApiException;
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
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        var context = (TenancyFilter.TenancyContext) request.getAttribute(TenancyFilter.ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (context == null) {
            throw ApiException.forbidden("authentication.required", "请先登录", "Authentication required");
        }
        if (parameter.getParameterType() == Caller.class) {
            return context.caller();
        }
        return context.acting().orElseThrow(() -> context.caller().organizations().isEmpty()
                ? ApiException.forbidden("agency.none", "您的账号不属于任何机构",
                        "Your account belongs to no agency")
                : ApiException.badRequest("agency.ambiguous",
                        "您属于多个机构，请用 X-Agency 请求头指定要操作的机构",
                        "You belong to several agencies; choose one with the X-Agency header"));
    }
}
