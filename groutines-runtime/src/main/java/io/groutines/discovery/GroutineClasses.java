package io.groutines.discovery;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import io.groutines.Groutine;
import io.groutines.Groutines;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the {@link Groutines} classes on a class path with ClassGraph, from their class files: before any of them is
 * loaded, so that the weaver can be told which classes their triggers name before those classes load.
 */
public final class GroutineClasses {

    /**
     * Library jars that hold no groutines: skipping them keeps the scan short at JVM start. A library of your own
     * groutines is scanned as long as its jar name does not start like one of these.
     */
    private static final String[] LIBRARY_JARS = { "spring-*.jar", "jackson-*.jar", "tomcat-*.jar", "hibernate-*.jar",
            "aspectj*.jar", "byte-buddy*.jar", "classgraph-*.jar", "h2-*.jar", "postgresql-*.jar", "logback-*.jar",
            "log4j-*.jar", "slf4j-*.jar", "micrometer-*.jar", "jakarta.*.jar", "HikariCP-*.jar", "snakeyaml-*.jar",
            "junit-*.jar", "assertj-*.jar", "mockito-*.jar", "jboss-*.jar", "antlr*.jar", "jandex-*.jar",
            "commons-*.jar", "rsyntaxtextarea-*.jar", "jmh-*.jar", "opentest4j-*.jar", "apiguardian-*.jar",
            "tools.jackson*.jar", "jspecify-*.jar", "istack-*.jar", "jaxb-*.jar", "angus-*.jar", "txw2-*.jar",
            "groutines-runtime-*.jar", "bcprov-*.jar", "json-*.jar", "xmlunit-*.jar", "awaitility-*.jar",
            "hamcrest-*.jar", "objenesis-*.jar", "jul-to-slf4j-*.jar", "HdrHistogram-*.jar", "LatencyUtils-*.jar",
            "checker-qual-*.jar" };

    private GroutineClasses() {
    }

    /**
     * Scans the class path of a class loader (Spring Boot's nested jars included).
     * @param loader the class loader
     * @param packages packages to scan, with their subpackages; empty for all
     * @return the groutine classes, by class name
     */
    public static List<GroutineClass> scan(ClassLoader loader, Collection<String> packages) {
        ClassGraph graph = new ClassGraph()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .rejectJars(LIBRARY_JARS);
        if (loader != null) {
            graph.addClassLoader(loader);
        }
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        List<GroutineClass> found = new ArrayList<>();
        try (ScanResult result = graph.scan()) {
            for (ClassInfo type : result.getClassesWithAnnotation(Groutines.class.getName())) {
                if (type.isAbstract() || type.isInterface() || type.isAnnotation()) {
                    continue;
                }
                AnnotationParameterValueList params = type.getAnnotationInfo(Groutines.class.getName()).getParameterValues();
                String name = params.getValue("value") instanceof String value && !value.isBlank() ? value
                        : type.getSimpleName();
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
                found.add(new GroutineClass(type.getName(), name, triggers, weave));
            }
        }
        found.sort(Comparator.comparing(GroutineClass::className));
        return found;
    }
}
