package io.groutines.boot.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import io.groutines.Groutine;
import io.groutines.Groutines;

/**
 * Finds the classes annotated {@link Groutines} in packages of the class path by reading class files: nothing is
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
        ClassGraph graph = new ClassGraph()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .acceptPackages(packages.toArray(String[]::new));
        if (this.classLoader != null) {
            graph.addClassLoader(this.classLoader);
        }
        List<DiscoveredGroutines> found = new ArrayList<>();
        try (ScanResult result = graph.scan()) {
            for (ClassInfo info : result.getClassesWithAnnotation(Groutines.class.getName())) {
                if (info.isAbstract() || info.isInterface() || info.isAnnotation()) {
                    continue;
                }
                String name = nameOf(info);
                found.add(new DiscoveredGroutines(info.getName(), name, callTargets(info), active.test(name)));
            }
        }
        found.sort(Comparator.comparing(DiscoveredGroutines::className));
        return found;
    }

    private static String nameOf(ClassInfo info) {
        AnnotationInfo annotation = info.getAnnotationInfo(Groutines.class.getName());
        Object value = annotation.getParameterValues().getValue("value");
        return value instanceof String s && !s.isBlank() ? s : info.getSimpleName();
    }

    private static List<String> callTargets(ClassInfo info) {
        List<String> targets = new ArrayList<>();
        for (MethodInfo method : info.getDeclaredMethodInfo()) {
            AnnotationInfo annotation = method.getAnnotationInfo(Groutine.class.getName());
            if (annotation != null && annotation.getParameterValues().getValue("call") instanceof String call
                    && !call.isBlank()) {
                targets.add(call.strip());
            }
        }
        return targets;
    }
}
