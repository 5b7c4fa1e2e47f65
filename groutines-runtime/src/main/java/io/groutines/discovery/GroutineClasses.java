package io.groutines.discovery;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import io.groutines.Groutine;
import io.groutines.Groutines;

import java.net.URI;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the {@link Groutines} classes on a class path with ClassGraph, from their class files: before any of them is
 * loaded, so that the weaver can be told which classes their triggers name before those classes load.
 *
 * <p>Where it looks does not depend on file names (an application's jar may be called {@code spring-<app>.jar}):
 * <ul>
 * <li>given packages, every class path element — directories and jars of any name — within those packages;</li>
 * <li>without packages (the agent at JVM start, before the application is known), the application's own code:
 * class directories (an IDE's, Maven's, Gradle's, an exploded archive's {@code BOOT-INF/classes} or
 * {@code WEB-INF/classes}), the classes of a Spring Boot jar or war ({@code BOOT-INF/classes}, {@code WEB-INF/classes}
 * inside it — not its nested libraries) and the jar that holds the main class; other jars are libraries.</li>
 * </ul>
 */
public final class GroutineClasses {

    private GroutineClasses() {
    }

    /**
     * Scans the class path of a class loader (Spring Boot's nested jars included).
     * @param loader the class loader
     * @param packages packages to scan, with their subpackages; empty for the application's own code
     * @return the groutine classes, by class name
     */
    public static List<GroutineClass> scan(ClassLoader loader, Collection<String> packages) {
        ClassGraph graph = new ClassGraph()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility();
        if (loader != null) {
            graph.addClassLoader(loader);
        }
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        else {
            Path mainJar = mainJar();
            graph.disableNestedJarScanning()
                    .filterClasspathElements(path -> isApplicationCode(path, mainJar));
        }
        List<GroutineClass> found = new ArrayList<>();
        try (ScanResult result = graph.scan()) {
            for (ClassInfo type : result.getClassesWithAnnotation(Groutines.class.getName())) {
                if (type.isAbstract() || type.isInterface() || type.isAnnotation()) {
                    continue;
                }
                found.add(of(type));
            }
        }
        found.sort(Comparator.comparing(GroutineClass::className));
        return found;
    }

    /** A class directory, or a jar or war that is the application's (its main class is in it). */
    static boolean isApplicationCode(String path, Path mainJar) {
        if (path.contains("!/")) {
            return path.contains("!/BOOT-INF/classes") || path.contains("!/WEB-INF/classes");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip")) {
            return mainJar != null && normalized(path).equals(mainJar);
        }
        return true;
    }

    /**
     * The jar (or war) that holds the application's main class: the one {@code java -jar} names, or the class path
     * element where the main class's file is (found as a resource: nothing is loaded). {@code null} when the main
     * class is in a directory or not known.
     */
    private static Path mainJar() {
        String command = System.getProperty("sun.java.command", "").strip();
        int space = command.indexOf(' ');
        String first = space < 0 ? command : command.substring(0, space);
        if (first.isEmpty()) {
            return null;
        }
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war")) {
            return normalized(first);
        }
        URL main = ClassLoader.getSystemResource(first.replace('.', '/') + ".class");
        if (main != null && "jar".equals(main.getProtocol())) {
            String file = main.getPath();
            int bang = file.indexOf("!/");
            try {
                return Path.of(URI.create(bang < 0 ? file : file.substring(0, bang))).toAbsolutePath().normalize();
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        return null;
    }

    private static Path normalized(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        }
        catch (InvalidPathException ex) {
            return Path.of("/").resolve("?");
        }
    }

    private static GroutineClass of(ClassInfo type) {
        AnnotationParameterValueList params = type.getAnnotationInfo(Groutines.class.getName()).getParameterValues();
        String name = GroutineClass.nameOf(params.getValue("value") instanceof String value ? value : null,
                type.getSimpleName());
        List<String> weave = new ArrayList<>();
        if (params.getValue("weave") instanceof Object[] entries) {
            for (Object entry : entries) {
                weave.add(entry.toString().strip());
            }
        }
        List<String> triggers = new ArrayList<>();
        for (MethodInfo method : type.getDeclaredMethodInfo()) {
            AnnotationInfo groutine = method.getAnnotationInfo(Groutine.class.getName());
            if (groutine != null && groutine.getParameterValues().getValue("call") instanceof String call
                    && !call.isBlank()) {
                triggers.add(call.strip());
            }
        }
        return new GroutineClass(type.getName(), name, triggers, weave);
    }
}
