package io.groutines.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * A resolved callable that groutines can wait on: one method or constructor, named by a user through a
 * {@code FunctionCall}. Internal; not API.
 *
 * <p>A call <em>matches</em> the target when the executing callable is the target itself, or overrides or
 * implements it (same name and parameter types, declared in a subtype), and — when the user named a subclass that
 * inherits the method without overriding it — when the call's receiver is an instance of that subclass.
 */
public final class Target {

    private final String path;

    private final Executable executable;

    private final String name;

    private final Class<?> declaringClass;

    private final Class<?>[] parameterTypes;

    private final Class<?> namedClass;

    private final boolean isStatic;

    Target(String path, Class<?> namedClass, Executable executable) {
        this.path = path;
        this.namedClass = namedClass;
        this.executable = executable;
        this.name = key(executable);
        this.declaringClass = executable.getDeclaringClass();
        this.parameterTypes = executable.getParameterTypes();
        this.isStatic = Modifier.isStatic(executable.getModifiers());
    }

    /**
     * The name under which calls of a callable are filed: the method name, or {@code <init>} for a constructor.
     * @param callable a method or constructor
     * @return its key
     */
    public static String key(Member callable) {
        return callable instanceof Constructor<?> ? "<init>" : callable.getName();
    }

    /** @return the target as the user named it */
    public String path() {
        return path;
    }

    /** @return the method or constructor */
    public Executable executable() {
        return executable;
    }

    /** @return the method name, or {@code <init>} for a constructor */
    public String name() {
        return name;
    }

    /** @return the class the user named, which may inherit the callable from {@link #executable()}'s class */
    public Class<?> namedClass() {
        return namedClass;
    }

    /** @return whether the callable is a constructor */
    public boolean isConstructor() {
        return executable instanceof Constructor<?>;
    }

    /**
     * Whether an executing callable is this target, or overrides or implements it.
     * @param callable the callable being executed
     * @param receiver the object it runs on, or {@code null}
     * @return whether listeners of this target see the call
     */
    public boolean matches(Member callable, Object receiver) {
        boolean same = callable.getDeclaringClass() == declaringClass ? executable.equals(callable) : overrides(callable);
        // A subclass that inherits the method without overriding it was named: only its instances count.
        return same && (namedClass == declaringClass || receiver == null || namedClass.isInstance(receiver));
    }

    /** Whether a method of another class overrides or implements this one (equals compares without copying arrays). */
    private boolean overrides(Member callable) {
        if (isStatic || isConstructor() || !(callable instanceof Method method) || !name.equals(method.getName())
                || method.getParameterCount() != parameterTypes.length
                || !declaringClass.isAssignableFrom(method.getDeclaringClass())) {
            return false;
        }
        return Arrays.equals(method.getParameterTypes(), parameterTypes);
    }

    @Override
    public String toString() {
        return path;
    }
}
