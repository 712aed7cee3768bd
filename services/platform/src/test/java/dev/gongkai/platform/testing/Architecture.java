package dev.gongkai.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The architecture rules every service module checks on its own classes (each module's {@code ArchitectureTest}):
 * no cycles between packages, no untyped JSON tree in a controller's signature, and China's time zone read from the
 * contract's {@code China.ZONE}.
 */
public final class Architecture {

    private static final Set<String> JSON_TREES = Set.of(
            "tools.jackson.databind.JsonNode",
            "tools.jackson.databind.node.ObjectNode",
            "tools.jackson.databind.node.ArrayNode");

    private Architecture() {}

    /** The module's production classes under {@code rootPackage}, without the generated jOOQ model. */
    public static JavaClasses classes(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(Architecture::notTestClasses)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(location -> !location.contains("/dev/gongkai/platform/jooq/"))
                .importPackages(rootPackage);
    }

    /**
     * ArchUnit's own test filter knows only {@code target/test-classes}; a build into another directory
     * ({@code -Dgongkai.buildDir=…}, as side builds beside a running one do) would count the tests in.
     */
    public static boolean notTestClasses(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("/test-classes/");
    }

    /** Every package is a slice; no two may depend on each other, directly or around a longer loop. */
    public static void noPackageCycles(JavaClasses classes, String rootPackage) {
        SlicesRuleDefinition.slices()
                .matching(rootPackage + ".(**)")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Controller methods ({@code Class.method}) that take or return a JSON tree. A response is a record the
     * OpenAPI document can describe; {@code frozen} lists those not converted yet, and may only shrink: a method
     * that no longer offends must leave the list.
     */
    public static void noJsonTreesInControllers(JavaClasses classes, Set<String> frozen) {
        Set<String> offending = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                boolean mapped = m.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getPackageName().equals("org.springframework.web.bind.annotation")
                                && a.getRawType().getSimpleName().endsWith("Mapping"));
                if (mapped
                        && Stream.concat(Stream.of(m.getReturnType()), m.getParameterTypes().stream())
                                .anyMatch(Architecture::mentionsJsonTree)) {
                    offending.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(offending)
                .as("controller methods with a JSON tree in their signature (return a record)")
                .isSubsetOf(frozen);
        assertThat(frozen)
                .as("frozen methods that no longer take or return a JSON tree: remove them from the list")
                .isSubsetOf(offending);
    }

    /**
     * China's time zone is declared once, as the contract's {@code China.ZONE}: no class of the module makes a zone
     * ({@code ZoneId.of}) or keeps one as a constant of its own (an alias such as {@code Deadlines.CHINA}).
     */
    public static void chinaZoneOnlyFromContract(JavaClasses classes) {
        noClasses()
                .should()
                .callMethod(ZoneId.class, "of", String.class)
                .orShould()
                .callMethod(ZoneId.class, "of", String.class, java.util.Map.class)
                .because("China's zone is dev.gongkai.contract.China.ZONE")
                .allowEmptyShould(true)
                .check(classes);
        fields().that()
                .haveRawType(ZoneId.class)
                .should()
                .notBeStatic()
                .because("China's zone is dev.gongkai.contract.China.ZONE, not an alias of it")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static boolean mentionsJsonTree(JavaType type) {
        return type.getAllInvolvedRawTypes().stream().anyMatch(t -> JSON_TREES.contains(t.getName()));
    }
}
