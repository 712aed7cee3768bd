package dev.gongkai.platform.testing;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a managed agency on a {@link ManagedAgency} field of a {@link GongkaiTest} class: registered in
 * {@code core}, with its schema created and migrated before use, and removed (schema dropped) afterwards.
 * A static field lives for the test class, an instance field for each test method.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface TestTenant {

    /** Empty: a unique slug is generated. */
    String slug() default "";

    String nameZh() default "测试机构";

    AgencyKind kind() default AgencyKind.DEPARTMENT;

    /** Created if absent. */
    String jurisdiction() default "test-city";

    AgencyStatus status() default AgencyStatus.ACTIVE;
}
