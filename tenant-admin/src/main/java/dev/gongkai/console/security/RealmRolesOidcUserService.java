package dev.gongkai.console.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Realm roles and organizations live in the access token ({@code realm_access.roles}, {@code organization}), not
 * in the ID token: this reads them from the access token the console just received from Keycloak's token endpoint
 * (over the back channel, so there is nothing to verify) and turns them into {@code ROLE_*} and {@code ORG_*}
 * authorities. The services check the same token themselves; these authorities only shape the pages.
 */
final class RealmRolesOidcUserService extends OidcUserService {

    private final JsonMapper json;

    RealmRolesOidcUserService(JsonMapper json) {
        this.json = json;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        JsonNode claims = claims(request.getAccessToken().getTokenValue());
        JsonNode roles = claims.path("realm_access").path("roles");
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.asString())));
        JsonNode organizations = claims.path("organization");
        if (organizations.isArray()) {
            organizations.forEach(org -> authorities.add(new SimpleGrantedAuthority("ORG_" + org.asString())));
        } else if (organizations.isObject()) {
            organizations.propertyNames().forEach(org -> authorities.add(new SimpleGrantedAuthority("ORG_" + org)));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }

    private JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return json.createObjectNode();
        }
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
