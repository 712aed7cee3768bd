package dev.gongkai.platform.openapi;

import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of every service at {@code /v3/api-docs}: bearer tokens from Keycloak, the optional
 * {@code X-Agency} header, and no framework-resolved parameters. Each service describes itself in
 * {@code gongkai.openapi.description}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class OpenApiConfiguration {

    static {
        // Resolved from the verified token by the platform, never sent by clients.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ActingAgency.class);
    }

    @Bean
    OpenAPI gongkaiOpenApi(
            @Value("${spring.application.name:gongkai}") String service,
            @Value("${gongkai.openapi.description:}") String description) {
        return new OpenAPI()
                .info(new Info()
                        .title("Gongkai " + service)
                        .version("v1")
                        .description(
                                description + " Errors are RFC 9457 problems with code, message_zh and message_en."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Access token of realm gongkai (audience gongkai-services)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer agencyHeader() {
        return (operation, handlerMethod) -> operation.addParametersItem(new HeaderParameter()
                .name("X-Agency")
                .required(false)
                .schema(new StringSchema())
                .description("The agency to act for, when the caller belongs to several (or supervises it as "
                        + "disclosure-office staff). Must be one of theirs, else 404."));
    }
}
