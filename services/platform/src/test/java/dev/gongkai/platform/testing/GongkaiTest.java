package dev.gongkai.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test on real infrastructure: the run's own PostgreSQL database ({@link TestDatabase}) and Redis
 * ({@link TestRedis}), exported as Spring properties before any application context starts, plus the managed
 * agencies declared with {@link TestTenant}. Put it before {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(GongkaiTestExtension.class)
public @interface GongkaiTest {}
