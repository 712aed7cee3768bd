package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.agency.Memberships;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Installs the tenancy filter and the {@link ActingAgency} controller parameter in every servlet service. */
@AutoConfiguration(afterName = "dev.gongkai.platform.PlatformConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TenancyConfiguration {

    /** Spring Security's filter chain runs at order -100; tenancy needs its verified authentication. */
    static final int AFTER_SECURITY = -100 + 10;

    @Bean
    FilterRegistrationBean<TenancyFilter> tenancyFilter(
            AgencyAccess access,
            Memberships memberships,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        var registration = new FilterRegistrationBean<>(new TenancyFilter(access, memberships, exceptionResolver));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    @Bean
    WebMvcConfigurer tenancyArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new TenancyArgumentResolver());
            }
        };
    }
}
