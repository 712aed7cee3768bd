package dev.gongkai.reports;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.gongkai.platform.testing.Architecture;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module keeps its shape: see {@link Architecture}. */
class ArchitectureTest {

    private static final String ROOT = "dev.gongkai.reports";
    private static final JavaClasses CLASSES = Architecture.classes(ROOT);

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles(CLASSES, ROOT);
    }

    @Test
    void controllersTakeAndReturnTypes() {
        Architecture.noJsonTreesInControllers(CLASSES, Set.of());
    }

    @Test
    void chinaZoneOnlyFromContract() {
        Architecture.chinaZoneOnlyFromContract(CLASSES);
    }
}
