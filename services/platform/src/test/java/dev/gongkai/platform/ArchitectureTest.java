package dev.gongkai.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.gongkai.platform.testing.Architecture;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module keeps its shape: see {@link Architecture}. */
class ArchitectureTest {

    private static final String ROOT = "dev.gongkai.platform";
    private static final JavaClasses CLASSES = Architecture.classes(ROOT);

    /** Controller methods still answering with a JSON tree; the list may only shrink. */
    private static final Set<String> JSON_TREES_FROZEN = Set.of();

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles(CLASSES, ROOT);
    }

    @Test
    void controllersTakeAndReturnTypes() {
        Architecture.noJsonTreesInControllers(CLASSES, JSON_TREES_FROZEN);
    }

    @Test
    void chinaZoneOnlyFromContract() {
        Architecture.chinaZoneOnlyFromContract(CLASSES);
    }
}
