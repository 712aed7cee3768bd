package dev.gongkai.reports;

import dev.gongkai.platform.testing.GongkaiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The reports application on the run's real PostgreSQL, driven through MockMvc with Keycloak-shaped tokens.
 * Every test class uses exactly this configuration, so one Spring context serves the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GongkaiTest
@SpringBootTest
@AutoConfigureMockMvc
public @interface ReportsWebTest {}
