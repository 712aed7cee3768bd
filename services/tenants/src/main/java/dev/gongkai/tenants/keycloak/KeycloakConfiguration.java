package dev.gongkai.tenants.keycloak;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    @Bean
    Organizations organizations(KeycloakProperties properties) {
        return properties.enabled() ? new KeycloakOrganizations(properties) : new NoOrganizations();
    }
}
