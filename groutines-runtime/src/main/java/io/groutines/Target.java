package io.groutines;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resolved callable that groutines can wait on: one method or constructor as a Java developer sees it — with the
 * generic declarations it redeclares (an interface's {@code findById(ID)} and a repository's
 * {@code findById(Integer)} are one target).
 *
 * <p>A call <em>matches</em> the target when the executing callable is the target (or one of its redeclared
 * generic forms), or overrides or implements it — parameter types compared after the generic parameters of the
 * overriding class are substituted — on an instance of the class or interface the user named.
 */
final class Target {

    private final String path;

    private final Class<?> namedClass;

    private final Executable executable;

    /** The executable and the generic declarations it redeclares, most specific first. */
    private final List<Executable> forms;

    private final String name;

    private final boolean overridable;

    /**
     * Whether a method of another class overrides this target: asked at every dispatch, answered once per method,
     * and kept with the method's class, which may belong to a class loader that is discarded sooner than this target
     * (an application restarted in the same JVM while the target is cached on a library class).
     */
    private final ClassValue<Map<Executable, Boolean>> overriders = new ClassValue<>() {
        @Override
        protected Map<Executable, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    Target(String path, Class<?> namedClass, Executable executable, List<Executable> redeclared) {
        this.path = path;
        this.namedClass = namedClass;
        this.executable = executable;
        this.forms = List.copyOf(redeclared);
        this.name = key(executable);
        int modifiers = executable.getModifiers();
        this.overridable = executable instanceof Method && !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers);
    }

    /** @return the name calls of a callable are filed under: the method name, or {@code <init>} */
    static String key(Executable callable) {
        return callable instanceof Constructor<?> ? "<init>" : callable.getName();
    }

    String path() {
        return path;
    }

    Executable executable() {
        return executable;
    }

    String name() {
        return name;
    }

    Class<?> namedClass() {
        return namedClass;
    }

    boolean isConstructor() {
        return executable instanceof Constructor<?>;
    }

    boolean matches(Executable callable, Object receiver) {
        boolean same = forms.contains(callable)
                || overridable && overriders.get(callable.getDeclaringClass()).computeIfAbsent(callable, this::overriddenBy);
        // only calls on instances of the class named count: a subtype that inherits the method was named, or a
        // repository whose method its generic base class implements for every repository
        return same && (receiver == null || namedClass.isInstance(receiver));
    }

    private boolean overriddenBy(Executable callable) {
        if (!(callable instanceof Method method) || method.isBridge() || method.isSynthetic()
                || Modifier.isStatic(method.getModifiers()) || !method.getName().equals(name)) {
            return false;
        }
        Class<?> owner = method.getDeclaringClass();
        for (Executable form : forms) {
            if (form.getParameterCount() == method.getParameterCount() && form.getDeclaringClass().isAssignableFrom(owner)
                    && Arrays.equals(parameterTypesIn((Method) form, owner), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The erased parameter types of a method as a subtype sees them: {@code CrudRepository.findById(ID)} in
     * {@code OwnerRepository extends CrudRepository<Owner, Integer>} takes an {@code Integer}.
     */
    static Class<?>[] parameterTypesIn(Method method, Class<?> subtype) {
        Type[] generic = method.getGenericParameterTypes();
        Class<?>[] raw = method.getParameterTypes();
        if (generic.length != raw.length) {
            return raw; // inner-class constructors and the like: no generic view
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bind(subtype, bindings);
        Class<?>[] resolved = new Class<?>[generic.length];
        for (int i = 0; i < generic.length; i++) {
            resolved[i] = erase(generic[i], bindings, raw[i]);
        }
        return resolved;
    }

    private static void bind(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] actual = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < actual.length; i++) {
                Type value = actual[i] instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : actual[i];
                bindings.putIfAbsent(variables[i], value);
            }
        }
        else if (type instanceof Class<?> c) {
            raw = c;
        }
        else {
            return;
        }
        if (raw.getGenericSuperclass() != null) {
            bind(raw.getGenericSuperclass(), bindings);
        }
        for (Type parent : raw.getGenericInterfaces()) {
            bind(parent, bindings);
        }
    }

    private static Class<?> erase(Type type, Map<TypeVariable<?>, Type> bindings, Class<?> fallback) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = erase(array.getGenericComponentType(), bindings, null);
            return component != null ? component.arrayType() : fallback;
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound != null && bound != variable ? erase(bound, bindings, fallback)
                    : erase(variable.getBounds()[0], bindings, fallback);
        }
        if (type instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0], bindings, fallback);
        }
        return fallback;
    }

    @Override
    public String toString() {
        return path;
    }
}
