package dev.gongkai.console.services;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services answer; the console calls them with the signed-in user's access token. */
@ConfigurationProperties("gongkai.console")
public record ServiceUrls(
        String keycloakUrl, String tenantsUrl, String reportsUrl, String publishingUrl, String publicUrl) {

    /** The public portal as a browser reaches it (may differ from the URL the console calls). */
    public String portal() {
        return publicUrl == null || publicUrl.isBlank() ? publishingUrl : publicUrl;
    }
}
