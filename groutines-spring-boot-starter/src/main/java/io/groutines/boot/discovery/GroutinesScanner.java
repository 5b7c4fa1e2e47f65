package io.groutines.boot.discovery;

import io.groutines.discovery.GroutineClass;
import io.groutines.discovery.GroutineClasses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;


/**
 * Finds the classes annotated {@link io.groutines.Groutines} in packages of the class path by reading class files: nothing is
 * loaded, so classes that are switched off never run a static initializer, and the classes their triggers name can
 * still be woven when they load later.
 */
public final class GroutinesScanner {

    private final ClassLoader classLoader;

    /**
     * @param classLoader the application's class loader, searched in addition to ClassGraph's defaults
     */
    public GroutinesScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * @param packages packages searched, with their subpackages
     * @param active which {@code @Groutines} names may run
     * @return what was found, ordered by class name
     */
    public List<DiscoveredGroutines> scan(List<String> packages, Predicate<String> active) {
        if (packages.isEmpty()) {
            return List.of();
        }
        List<DiscoveredGroutines> found = new ArrayList<>();
        for (GroutineClass type : GroutineClasses.scan(this.classLoader, packages)) {
            found.add(new DiscoveredGroutines(type.className(), type.name(), type.triggers(), type.weave(),
                    active.test(type.name())));
        }
        found.sort(Comparator.comparing(DiscoveredGroutines::className));
        return found;
    }

}
