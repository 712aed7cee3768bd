package dev.gongkai.publishing.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A portal page's {@link Lang} parameter: the reader's choice ({@code ?lang=}, then the cookie). A choice made by
 * this request is remembered in the cookie; the answer varies with the cookie, which shared caches must know.
 */
final class LangResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Lang.class;
    }

    @Override
    public Lang resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
        Lang.Choice choice = Lang.choose(http.getParameter(Lang.PARAMETER), http.getHeader(HttpHeaders.COOKIE));
        if (response != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
            if (choice.cookie() != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, choice.cookie());
            }
        }
        return choice.lang();
    }
}
