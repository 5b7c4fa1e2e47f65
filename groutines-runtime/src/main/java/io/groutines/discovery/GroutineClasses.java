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
import java.util.List;

/**
 * The {@link Groutines} classes on a class path, read from their class files with ClassGraph — before any of them
 * is loaded, so that the weaver can be told which classes their triggers name before those classes load.
 *
 * @param classNames the groutine classes found, by name
 * @param triggers the call targets that their {@link Groutine#call()} triggers name, as written
 * @param weave the weave scope entries their {@link Groutines#weave()} attributes ask for
 */
public record GroutineClasses(List<String> classNames, List<String> triggers, List<String> weave) {

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
            "groutines-runtime-*.jar", "bcprov-*.jar", "json-*.jar", "xmlunit-*.jar", "awaitility-*.jar", "hamcrest-*.jar",
            "objenesis-*.jar", "jul-to-slf4j-*.jar", "HdrHistogram-*.jar", "LatencyUtils-*.jar", "checker-qual-*.jar" };

    /**
     * Scans a class path.
     * @param loader the class loader whose class path is scanned (with Spring Boot's nested jars)
     * @param packages packages to scan; empty for all
     * @return what was found
     */
    public static GroutineClasses scan(ClassLoader loader, Collection<String> packages) {
        ClassGraph graph = new ClassGraph()
                .overrideClassLoaders(loader)
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .rejectJars(LIBRARY_JARS);
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        List<String> names = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        List<String> weave = new ArrayList<>();
        try (ScanResult result = graph.scan()) {
            for (ClassInfo type : result.getClassesWithAnnotation(Groutines.class.getName())) {
                names.add(type.getName());
                AnnotationParameterValueList params = type.getAnnotationInfo(Groutines.class.getName()).getParameterValues();
                if (params.getValue("weave") instanceof Object[] entries) {
                    for (Object entry : entries) {
                        weave.add(entry.toString());
                    }
                }
                for (MethodInfo method : type.getDeclaredMethodInfo()) {
                    AnnotationInfo groutine = method.getAnnotationInfo(Groutine.class.getName());
                    if (groutine != null && groutine.getParameterValues().getValue("call") instanceof String call
                            && !call.isBlank()) {
                        triggers.add(call);
                    }
                }
            }
        }
        return new GroutineClasses(List.copyOf(names), List.copyOf(triggers), List.copyOf(weave));
    }
}
