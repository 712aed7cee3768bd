package dev.gongkai.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak puts realm roles under the nested claim {@code realm_access.roles}, which Spring's default converter
 * (reading {@code scope}) never sees. Each platform-wide role becomes {@code ROLE_<role>} so
 * {@code hasRole('platform-admin')} works. Any other realm role is ignored: agency and office roles are held in one
 * agency and come from the registry ({@link Caller}), never from the token.
 */
public final class RealmRoleAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return realmRoles(jwt).stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }

    static List<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream()
                    .map(String::valueOf)
                    .filter(Roles.PLATFORM::contains)
                    .toList();
        }
        return List.of();
    }
}
