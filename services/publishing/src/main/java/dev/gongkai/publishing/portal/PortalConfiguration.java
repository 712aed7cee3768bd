package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.cache.DocumentCache;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.ratelimit.OpenDataRateLimit;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import dev.gongkai.report.render.ReportPdf;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    static {
        // A page's language is the reader's (LangResolver: ?lang=, then the cookie), not a parameter of the API.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Lang.class);
    }

    @Bean
    PublicReports publicReports(
            AgencyRegistry registry,
            ReportStates states,
            PublishedRevisions revisions,
            PublicationPointer pointer,
            DocumentCache cache,
            ReportPdf pdf,
            PublishingProperties properties) {
        return new PublicReports(
                registry,
                states,
                revisions,
                pointer,
                cache,
                pdf,
                properties.cache().registryTtl());
    }

    @Bean
    Pages pages(ITemplateEngine templates, MessageSource words) {
        return new Pages(templates, words);
    }

    @Bean
    PublishedDocuments publishedDocuments(PublicReports reports, OpenDataRateLimit rateLimit, JsonMapper json) {
        return new PublishedDocuments(reports, rateLimit, json);
    }

    /** Around everything that may answer a problem (the document filter, Spring Security, the controllers). */
    @Bean
    FilterRegistrationBean<BrowserProblemFilter> browserProblemFilter(JsonMapper json, Pages pages) {
        FilterRegistrationBean<BrowserProblemFilter> registration =
                new FilterRegistrationBean<>(new BrowserProblemFilter(json, pages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Right after the request's observation starts (order HIGHEST_PRECEDENCE + 1), before Spring Security. */
    @Bean
    FilterRegistrationBean<PublishedDocumentFilter> publishedDocumentFilter(PublishedDocuments documents) {
        FilterRegistrationBean<PublishedDocumentFilter> registration =
                new FilterRegistrationBean<>(new PublishedDocumentFilter(documents));
        registration.addUrlPatterns("/public/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Portal pages take the reader's {@link Lang} as a parameter. */
    @Bean
    WebMvcConfigurer portalLanguage() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new LangResolver());
            }
        };
    }

    @Bean
    OpenApiCustomizer publishedDocumentsApi() {
        return PublishedDocumentsApi.customizer();
    }

    /**
     * A document leaves in one write instead of one per 8 kB (Tomcat's default buffer): a 50 kB page took seven
     * system calls. The buffer belongs to a connection while it is open (64 kB each).
     */
    @Bean
    TomcatConnectorCustomizer wholeDocumentWrites() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(64 * 1024));
    }
}
