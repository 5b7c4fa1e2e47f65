package io.groutines;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The runtime as floors that only go down: the core ({@code io.groutines}) — hubs, strands, calls, events, locks —
 * imports neither the weaver ({@code io.groutines.weaving}) nor discovery ({@code io.groutines.discovery}), which
 * build on it; and no package of the runtime imports, through any path, one that imports it back.
 */
class ArchitectureTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.groutines");

    @Test
    void theCoreImportsNeitherTheWeaverNorDiscovery() {
        noClasses().that().resideInAPackage("io.groutines")
                .should().dependOnClassesThat().resideInAnyPackage("io.groutines.weaving..", "io.groutines.discovery..")
                .because("the weaver and discovery build on the core; the core asks them through what they install "
                        + "(TargetCheck), never by name")
                .check(RUNTIME);
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().assignedFrom(byPackage()).should().beFreeOfCycles().check(RUNTIME);
    }

    /** Each package its own slice, the core included (a slice pattern would leave out the root package). */
    static SliceAssignment byPackage() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                return SliceIdentifier.of(type.getPackageName());
            }

            @Override
            public String getDescription() {
                return "each package";
            }
        };
    }
}
