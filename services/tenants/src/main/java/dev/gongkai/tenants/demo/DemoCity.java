package dev.gongkai.tenants.demo;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ProvisioningReport;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.tenants.keycloak.Organizations;
import dev.gongkai.tenants.provisioning.ProvisionAgency;
import dev.gongkai.tenants.provisioning.ProvisionAgency.FirstAdmin;
import dev.gongkai.tenants.provisioning.Provisioner;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import dev.gongkai.tenants.users.MembershipStore;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The demo city 乌海市 with its disclosure office, police bureau and branches and four departments. The realm
 * imported with Keycloak already has these organizations and demo users, which provisioning finds and reuses; the
 * demo staff's roles, each in one agency, go into the registry ({@link #STAFF}).
 * A police 分局 belongs to the district it serves (its jurisdiction) and to 市公安局 (its parent agency): it is
 * summed in the city-wide compiled report with its district, not in the city's own (本级), and the city's office,
 * which supervises the districts below it, reviews it.
 */
@Component
public class DemoCity {

    static final String JURISDICTION = "wuhai";

    static final List<CreateJurisdiction> JURISDICTIONS = List.of(
            new CreateJurisdiction(JURISDICTION, "乌海市", null),
            new CreateJurisdiction("wuhai-haibowan", "海勃湾区", JURISDICTION),
            new CreateJurisdiction("wuhai-wuda", "乌达区", JURISDICTION),
            new CreateJurisdiction("wuhai-hainan", "海南区", JURISDICTION));

    static final List<ProvisionAgency> AGENCIES = List.of(
            agency("wuhai-office", "乌海市人民政府办公室（政务公开办）", AgencyKind.DISCLOSURE_OFFICE, null, null),
            agency("wuhai-psb", "乌海市公安局", AgencyKind.DEPARTMENT, null, "psb-admin"),
            branch("wuhai-psb-haibowan", "乌海市公安局海勃湾区分局", "wuhai-haibowan"),
            branch("wuhai-psb-wuda", "乌海市公安局乌达区分局", "wuhai-wuda"),
            branch("wuhai-psb-hainan", "乌海市公安局海南区分局", "wuhai-hainan"),
            agency("wuhai-edu", "乌海市教育局", AgencyKind.DEPARTMENT, null, null),
            agency("wuhai-health", "乌海市卫生健康委员会", AgencyKind.DEPARTMENT, null, null),
            agency("wuhai-finance", "乌海市财政局", AgencyKind.DEPARTMENT, null, null),
            agency("wuhai-nr", "乌海市自然资源局", AgencyKind.DEPARTMENT, null, null));

    /** A demo user's roles in one agency (the first admins get theirs from provisioning). */
    record Staff(String username, String agency, Set<String> roles) {}

    static final List<Staff> STAFF = List.of(
            new Staff("office", "wuhai-office", Set.of(Roles.OFFICE_ADMIN, Roles.OFFICE_REVIEWER)),
            new Staff("psb-editor", "wuhai-psb", Set.of(Roles.AGENCY_EDITOR)),
            new Staff("psb-approver", "wuhai-psb", Set.of(Roles.AGENCY_APPROVER)),
            new Staff("hbw-editor", "wuhai-psb-haibowan", Set.of(Roles.AGENCY_EDITOR)));

    private final Jurisdictions jurisdictions;
    private final Provisioner provisioner;
    private final Organizations organizations;
    private final MembershipStore memberships;

    DemoCity(
            Jurisdictions jurisdictions,
            Provisioner provisioner,
            Organizations organizations,
            MembershipStore memberships) {
        this.jurisdictions = jurisdictions;
        this.provisioner = provisioner;
        this.organizations = organizations;
        this.memberships = memberships;
    }

    /** Idempotent: provisions what is missing, changes nothing that exists. */
    public void provision(Consumer<ProvisioningReport> progress) {
        JURISDICTIONS.forEach(jurisdictions::ensure);
        AGENCIES.forEach(a -> progress.accept(provisioner.provision(a)));
        if (organizations.enabled()) {
            for (Staff staff : STAFF) {
                AgencySlug agency = AgencySlug.of(staff.agency());
                var member = organizations.ensureMember(agency, staff.username(), null);
                memberships.grant(member.userId(), member.username(), agency, staff.roles());
            }
        }
    }

    private static ProvisionAgency agency(String slug, String nameZh, AgencyKind kind, String parent, String admin) {
        return new ProvisionAgency(
                slug,
                nameZh,
                kind,
                JURISDICTION,
                parent,
                new FirstAdmin(admin != null ? admin : slug + "-admin", null));
    }

    private static ProvisionAgency branch(String slug, String nameZh, String district) {
        return new ProvisionAgency(
                slug, nameZh, AgencyKind.POLICE_BRANCH, district, "wuhai-psb", new FirstAdmin(slug + "-admin", null));
    }
}
