package dev.gongkai.tenants.provisioning;

import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ProvisioningReport;
import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.tenants.keycloak.KeycloakTestSupport;
import dev.gongkai.tenants.keycloak.RealKeycloak;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

/** Provisioning with the real Keycloak: interrupted, resumed, repeated, then suspended. */
@GongkaiTest
@SpringBootTest
@AutoConfigureMockMvc
class KeycloakProvisioningTest {

    @TestConfiguration
    static class Fixtures {
        @Bean
        InterruptingListener interruptingListener() {
            return new InterruptingListener();
        }
    }

    @Autowired
    Provisioner provisioner;

    @Autowired
    InterruptingListener crash;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    MockMvc mvc;

    private final String slug = "kcp-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @BeforeEach
    void city() {
        jurisdictions.ensure(new CreateJurisdiction("kc-city", "测试市", null));
    }

    @AfterEach
    void removeFromKeycloak() {
        KeycloakTestSupport.deleteOrganizationAndUser(AgencySlug.of(slug), slug + "-admin");
    }

    @Test
    void aRunKilledAfterCreatingTheOrganizationFinishesAndAThirdRunChangesNothing() throws Exception {
        var command = new ProvisionAgency(slug, "测试市审计局", AgencyKind.DEPARTMENT, "kc-city", null, null);
        crash.crashOnceAfter(AgencySlug.of(slug), ProvisioningStep.CREATE_ORGANIZATION);
        assertThatThrownBy(() -> provisioner.provision(command)).isInstanceOf(InterruptingListener.Crash.class);

        ProvisioningReport resumed = provisioner.provision(command);
        assertThat(resumed.steps())
                .extracting(ProvisioningReport.StepResult::outcome)
                .containsExactly(
                        ProvisioningReport.StepOutcome.ALREADY_DONE,
                        ProvisioningReport.StepOutcome.ALREADY_DONE,
                        ProvisioningReport.StepOutcome.ALREADY_DONE,
                        ProvisioningReport.StepOutcome.ALREADY_DONE,
                        ProvisioningReport.StepOutcome.DONE);
        assertThat(resumed.initialAdminPassword()).isNotBlank();

        ProvisioningReport repeated = provisioner.provision(command);
        assertThat(repeated.outcome()).isEqualTo(ProvisioningReport.Outcome.UNCHANGED);

        mvc.perform(post("/api/agencies/" + slug + "/suspend").with(platformAdmin()))
                .andExpect(status().isOk());
        assertThat(KeycloakTestSupport.organizationEnabled(AgencySlug.of(slug))).isFalse();
        mvc.perform(post("/api/agencies/" + slug + "/activate").with(platformAdmin()))
                .andExpect(status().isOk());
        assertThat(KeycloakTestSupport.organizationEnabled(AgencySlug.of(slug))).isTrue();
    }
}
