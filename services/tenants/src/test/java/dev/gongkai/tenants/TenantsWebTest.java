package dev.gongkai.tenants;

import dev.gongkai.platform.testing.GongkaiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The tenants application on the run's real PostgreSQL, driven through MockMvc with Keycloak-shaped tokens, and
 * without Keycloak (identity steps are skipped). One shared Spring context for all such tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GongkaiTest
@SpringBootTest(properties = "gongkai.keycloak.enabled=false")
@AutoConfigureMockMvc
public @interface TenantsWebTest {}
