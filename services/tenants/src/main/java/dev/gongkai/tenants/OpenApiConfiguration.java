package dev.gongkai.tenants;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: bearer tokens from Keycloak, the optional X-Agency header, no framework-injected parameters. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Resolved from the verified token by the platform, never sent by clients.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ActingAgency.class);
    }

    @Bean
    OpenAPI tenantsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gongkai tenants").version("v1").description(
                        "机构名录与开通 — registry of jurisdictions and agencies, provisioning, suspension and tenant "
                                + "migrations. Errors are RFC 9457 problems with code, message_zh and message_en."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("Access token of realm gongkai (audience gongkai-services)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer agencyHeader() {
        return (operation, handlerMethod) -> operation.addParametersItem(new HeaderParameter().name("X-Agency")
                .required(false).schema(new StringSchema())
                .description("The agency to act for, when the caller belongs to several (or supervises it as "
                        + "disclosure-office staff). Must be one of theirs, else 404."));
    }
}
