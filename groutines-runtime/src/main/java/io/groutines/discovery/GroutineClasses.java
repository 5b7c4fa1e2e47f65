package io.groutines.discovery;

import io.groutines.Groutine;
import io.groutines.Groutines;

import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link Groutines} classes of an application from their class files: before any of them is loaded, so
 * that the weaver can be told which classes their triggers name before those classes load. Only the application's own
 * code is searched ({@link ApplicationCode}: its class directories, the classes of its Spring Boot archive, its jar),
 * never its libraries' jars, and it is read once per class loader however often it is asked.
 */
public final class GroutineClasses {

    private static final String GROUTINES = descriptor(Groutines.class);

    private static final String GROUTINE = descriptor(Groutine.class);

    private GroutineClasses() {
    }

    /**
     * The groutine classes of the application's code that a class loader loads from.
     * @param loader the class loader; {@code null} for this JVM's class path
     * @param packages packages to search, with their subpackages; empty for all of the application's code
     * @return the groutine classes, by class name
     */
    public static List<GroutineClass> scan(ClassLoader loader, Collection<String> packages) {
        ApplicationCode code = loader == null ? ApplicationCode.ofThisJvm() : ApplicationCode.of(loader);
        return code.groutines().stream().filter(type -> packages.isEmpty() || packages.stream()
                .anyMatch(p -> isInPackage(type.className(), p.strip()))).toList();
    }

    /**
     * @param loader the class loader, as for {@link #scan}
     * @return where {@link #scan} searches, for messages
     */
    public static String searched(ClassLoader loader) {
        return (loader == null ? ApplicationCode.ofThisJvm() : ApplicationCode.of(loader)).toString();
    }

    static boolean isInPackage(String className, String pkg) {
        return className.startsWith(pkg) && className.length() > pkg.length() && className.charAt(pkg.length()) == '.';
    }

    /**
     * @param classFile the bytes of a class file
     * @return the groutine class it declares, if it is a concrete class annotated {@code @Groutines}
     */
    static Optional<GroutineClass> read(byte[] classFile) {
        ClassModel model;
        try {
            model = ClassFile.of().parse(classFile);
        }
        catch (IllegalArgumentException ex) { // not a class file the JDK reads: the JVM would refuse it too
            return Optional.empty();
        }
        if (model.flags().has(AccessFlag.ABSTRACT) || model.flags().has(AccessFlag.INTERFACE)
                || model.flags().has(AccessFlag.ANNOTATION)) {
            return Optional.empty();
        }
        Optional<Annotation> groutines = annotation(model.findAttribute(Attributes.runtimeVisibleAnnotations()), GROUTINES);
        if (groutines.isEmpty()) {
            return Optional.empty();
        }
        String className = model.thisClass().asInternalName().replace('/', '.');
        String value = null;
        List<String> weave = new ArrayList<>();
        for (AnnotationElement element : groutines.get().elements()) {
            if (element.name().equalsString("value") && element.value() instanceof AnnotationValue.OfString name) {
                value = name.stringValue();
            }
            if (element.name().equalsString("weave") && element.value() instanceof AnnotationValue.OfArray entries) {
                for (AnnotationValue entry : entries.values()) {
                    if (entry instanceof AnnotationValue.OfString text) {
                        weave.add(text.stringValue().strip());
                    }
                }
            }
        }
        List<String> triggers = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            annotation(method.findAttribute(Attributes.runtimeVisibleAnnotations()), GROUTINE).ifPresent(groutine -> {
                for (AnnotationElement element : groutine.elements()) {
                    if (element.name().equalsString("call") && element.value() instanceof AnnotationValue.OfString call
                            && !call.stringValue().isBlank()) {
                        triggers.add(call.stringValue().strip());
                    }
                }
            });
        }
        return Optional.of(new GroutineClass(className, GroutineClass.nameOf(value, simpleName(className)), triggers, weave));
    }

    private static Optional<Annotation> annotation(Optional<RuntimeVisibleAnnotationsAttribute> attribute,
            String descriptor) {
        return attribute.stream().flatMap(a -> a.annotations().stream())
                .filter(a -> a.className().equalsString(descriptor)).findFirst();
    }

    /** The simple name of a class from its binary name: what follows the package and any enclosing class. */
    static String simpleName(String binaryName) {
        String name = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static String descriptor(Class<?> type) {
        return "L" + type.getName().replace('.', '/') + ";";
    }
}
