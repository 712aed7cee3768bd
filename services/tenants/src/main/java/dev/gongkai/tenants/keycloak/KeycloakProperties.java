package dev.gongkai.tenants.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and how provisioning authenticates to its admin API: client credentials of a confidential
 * client whose service account may manage organizations and users, nothing more. Every call to it gives up after
 * {@code connect-timeout} to connect and {@code read-timeout} to answer.
 */
@ConfigurationProperties("gongkai.keycloak")
public record KeycloakProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://127.0.0.1:8180") String url,
        @DefaultValue("gongkai") String realm,
        @DefaultValue("gongkai-provisioner") String clientId,
        @DefaultValue("provisioner-secret") String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {}
