package dev.gongkai.console.security;

import dev.gongkai.console.services.TenantsClient;
import dev.gongkai.contract.MeView;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.client.RestClient;

/**
 * At sign-in, asks the tenants service ({@code GET /api/me}, with the access token just received) which agencies the
 * user belongs to and which roles they hold in each — the registry says it, not Keycloak — and keeps that as
 * authorities for the session: {@code ROLE_<platform role>}, {@code AGENCY_<slug>=<name>} and
 * {@code MEMBER_<slug>:<role>}. The services check every call themselves; these only shape the pages, and
 * {@link ConsoleUser} picks the roles of the agency the user acts for.
 */
final class MembershipAuthorities extends OidcUserService {

    static final String ROLE = "ROLE_";
    static final String AGENCY = "AGENCY_";
    static final String MEMBER = "MEMBER_";

    private static final Logger log = LoggerFactory.getLogger(MembershipAuthorities.class);

    private final TenantsClient tenants;

    /**
     * @param tenants  the tenants service without the user's client (there is none before sign-in ends)
     * @param userInfo Keycloak's user-info call, bounded (see {@link KeycloakCalls})
     */
    MembershipAuthorities(RestClient tenants, DefaultOAuth2UserService userInfo) {
        this.tenants = TenantsClient.over(tenants);
        setOauth2UserService(userInfo);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        try {
            MeView me = tenants.me("Bearer " + request.getAccessToken().getTokenValue());
            me.platformRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE + role)));
            for (MeView.Membership agency : me.agencies()) {
                authorities.add(new SimpleGrantedAuthority(AGENCY + agency.slug() + "=" + agency.nameZh()));
                agency.roles()
                        .forEach(role ->
                                authorities.add(new SimpleGrantedAuthority(MEMBER + agency.slug() + ":" + role)));
            }
        } catch (RuntimeException e) {
            // Signed in without agencies: the home page says no role is assigned; the services decide anyway.
            log.warn("Could not read the user's agencies from the tenants service", e);
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }
}
