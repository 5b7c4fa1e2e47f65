package io.groutines;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns the names users give to callables into {@link Target}s, or into a {@link TargetException} that says what
 * is wrong and how to fix it. Internal; not API.
 *
 * <p>Forms: {@code org.example.Foo.bar}, {@code org.example.Foo.<init>}, {@code org.example.Outer.Inner.bar}
 * (nested classes with dots or {@code $}), and any of these with a parameter list,
 * {@code org.example.Foo.bar(java.lang.String,int)}, which picks one overload. Classes are looked up without being
 * initialized, so resolving a target runs none of its code.
 */
final class TargetResolver {

    private TargetResolver() {
    }

    /**
     * Resolves an absolute path.
     * @param path e.g. {@code org.example.Foo.bar} or {@code org.example.Foo.bar(java.lang.String,int)}
     * @param loader where to look for classes
     * @return the target
     * @throws TargetException when the class or callable does not exist or the name is ambiguous
     */
    static Target resolve(String path, ClassLoader loader) {
        if (path == null || path.isBlank()) {
            throw new TargetException(String.valueOf(path), "Empty target",
                    "name a callable as package.Class.method, e.g. org.example.FooService.save");
        }
        String trimmed = path.strip();
        String params = null;
        int paren = trimmed.indexOf('(');
        if (paren >= 0) {
            if (!trimmed.endsWith(")")) {
                throw new TargetException(path, "Unbalanced parameter list",
                        "close the parameter list: org.example.Foo.bar(java.lang.String,int)");
            }
            params = trimmed.substring(paren + 1, trimmed.length() - 1);
            trimmed = trimmed.substring(0, paren);
        }
        int dot = trimmed.lastIndexOf('.');
        if (dot <= 0 || dot == trimmed.length() - 1) {
            throw new TargetException(path, "Not an absolute path to a callable",
                    "name it as package.Class.method, e.g. org.example.FooService.save");
        }
        String className = trimmed.substring(0, dot);
        String member = trimmed.substring(dot + 1);
        Class<?> owner = loadClass(path, className, loader);
        return resolve(path, owner, member, params == null ? null : parseParameters(path, params, loader));
    }

    /**
     * Resolves a callable named as an attribute of a class.
     * @param owner the class (or interface) that declares or inherits the callable
     * @param member the method name, or {@code <init>} for a constructor; may end in a parameter list
     * @return the target
     * @throws TargetException when the callable does not exist or the name is ambiguous
     */
    static Target resolve(Class<?> owner, String member) {
        Map<String, Target> resolved = RESOLVED.get(owner);
        Target target = resolved.get(member);
        if (target == null) {
            target = resolveUncached(owner, member);
            resolved.put(member, target);
        }
        return target;
    }

    /**
     * Targets resolved on a class, by member: a groutine that names the method of the object it was handed
     * ({@code FunctionCall.of(view, "preSave")}) resolves it on every request. Failures are not kept.
     */
    private static final ClassValue<Map<String, Target>> RESOLVED = new ClassValue<>() {
        @Override
        protected Map<String, Target> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static Target resolveUncached(Class<?> owner, String member) {
        String path = owner.getName() + "." + member;
        int paren = member.indexOf('(');
        if (paren >= 0 && member.endsWith(")")) {
            ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader()
                    : ClassLoader.getSystemClassLoader();
            return resolve(path, owner, member.substring(0, paren),
                    parseParameters(path, member.substring(paren + 1, member.length() - 1), loader));
        }
        return resolve(path, owner, member, null);
    }

    private static Target resolve(String path, Class<?> owner, String member, Class<?>[] params) {
        List<List<Executable>> candidates = candidates(owner, member);
        if (candidates.isEmpty()) {
            throw new TargetException(path, "No " + ("<init>".equals(member) ? "constructor" : "method " + member)
                    + " in " + owner.getName(), suggestion(owner, member));
        }
        if (params != null) {
            for (List<Executable> forms : candidates) {
                for (Executable e : forms) {
                    if (Arrays.equals(e.getParameterTypes(), params) || Arrays.equals(viewed(e, owner), params)) {
                        return new Target(path, owner, forms.get(0), forms);
                    }
                }
            }
            throw new TargetException(path, "No overload with parameters (" + describe(params) + ")",
                    "use one of: " + overloads(owner, candidates));
        }
        if (candidates.size() > 1) {
            throw new TargetException(path, "Ambiguous: " + candidates.size() + " overloads",
                    "add a parameter list to choose one: " + overloads(owner, candidates));
        }
        return new Target(path, owner, candidates.get(0).get(0), candidates.get(0));
    }

    /**
     * The callables of that name as the class sees them, one entry per Java-level method: the declarations that the
     * class sees with the same parameter types (a generic declaration and its redeclarations with the type arguments
     * filled in) form one entry, most specific first. Bridges and synthetic methods are never candidates.
     */
    private static List<List<Executable>> candidates(Class<?> owner, String member) {
        if ("<init>".equals(member)) {
            return Arrays.stream(owner.getDeclaredConstructors()).filter(c -> !c.isSynthetic())
                    .<List<Executable>>map(List::of).toList();
        }
        List<Method> found = new ArrayList<>();
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            collect(c, member, found);
        }
        collectInterfaces(owner, member, found);
        Map<String, List<Executable>> bySignature = new LinkedHashMap<>();
        for (Method m : found) {
            bySignature.computeIfAbsent(Arrays.toString(viewed(m, owner)), k -> new ArrayList<>()).add(m);
        }
        return new ArrayList<>(bySignature.values());
    }

    private static Class<?>[] viewed(Executable e, Class<?> owner) {
        return e instanceof Method m ? Target.parameterTypesIn(m, owner) : e.getParameterTypes();
    }

    private static void collectInterfaces(Class<?> type, String member, List<Method> found) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                collect(i, member, found);
                collectInterfaces(i, member, found);
            }
        }
    }

    private static void collect(Class<?> c, String member, List<Method> found) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(member) && !m.isBridge() && !m.isSynthetic() && !found.contains(m)) {
                found.add(m);
            }
        }
    }

    private static Class<?> loadClass(String path, String className, ClassLoader loader) {
        String candidate = className;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            }
            catch (ClassNotFoundException | LinkageError ex) {
                // org.example.Outer.Inner is org.example.Outer$Inner: move the last dot to a '$' and try again
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
        throw new TargetException(path, "No class " + className + " on the class path",
                "check the package and class name (nested classes as Outer.Inner), and that the class's jar is a dependency");
    }

    private static Class<?>[] parseParameters(String path, String list, ClassLoader loader) {
        if (list.isBlank()) {
            return new Class<?>[0];
        }
        String[] names = list.split(",");
        Class<?>[] types = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = parameterType(path, names[i].strip(), loader);
        }
        return types;
    }

    private static Class<?> parameterType(String path, String name, ClassLoader loader) {
        if (name.endsWith("[]")) {
            return parameterType(path, name.substring(0, name.length() - 2), loader).arrayType();
        }
        return switch (name) {
            case "boolean" -> boolean.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            case "short" -> short.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "float" -> float.class;
            case "double" -> double.class;
            default -> {
                try {
                    yield Class.forName(name.contains(".") ? name : "java.lang." + name, false, loader);
                }
                catch (ClassNotFoundException | LinkageError ex) {
                    throw new TargetException(path, "Unknown parameter type " + name,
                            "write parameter types fully qualified, e.g. (java.lang.String,int)");
                }
            }
        };
    }

    private static String suggestion(Class<?> owner, String member) {
        if ("<init>".equals(member)) {
            return "interfaces have no constructors: name a concrete class";
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic() && !names.contains(m.getName())) {
                    names.add(m.getName());
                }
            }
        }
        for (Method m : owner.getMethods()) {
            if (!names.contains(m.getName()) && m.getDeclaringClass() != Object.class) {
                names.add(m.getName());
            }
        }
        List<String> closest = names.stream()
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(), member.toLowerCase())))
                .filter(n -> distance(n.toLowerCase(), member.toLowerCase()) <= Math.max(2, member.length() / 3))
                .limit(3)
                .toList();
        if (closest.isEmpty()) {
            return "check the method name; " + owner.getSimpleName() + " has: "
                    + names.stream().sorted().limit(12).collect(Collectors.joining(", "));
        }
        return "did you mean " + closest.stream().map(n -> owner.getName() + "." + n).collect(Collectors.joining(" or ")) + "?";
    }

    private static String overloads(Class<?> owner, List<List<Executable>> candidates) {
        return candidates.stream().map(forms -> forms.get(0))
                .map(e -> owner.getName() + "." + (e instanceof Constructor<?> ? "<init>" : e.getName())
                        + "(" + describe(viewed(e, owner)) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getTypeName).collect(Collectors.joining(","));
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
