package dev.gongkai.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console keeps its shape. It has none of the services' platform, so the rule the services share
 * ({@code dev.gongkai.platform.testing.Architecture}) is stated here for the console's own classes.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // ArchUnit's test filter knows only target/test-classes, not a side build's directory.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.gongkai.console");

    /** China's time zone is the contract's {@code China.ZONE}: no zone made again, no alias of it. */
    @Test
    void chinaZoneOnlyFromContract() {
        noClasses()
                .should()
                .callMethod(ZoneId.class, "of", String.class)
                .orShould()
                .callMethod(ZoneId.class, "of", String.class, Map.class)
                .because("China's zone is dev.gongkai.contract.China.ZONE")
                .check(CLASSES);
        fields().that()
                .haveRawType(ZoneId.class)
                .should()
                .notBeStatic()
                .because("China's zone is dev.gongkai.contract.China.ZONE, not an alias of it")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
