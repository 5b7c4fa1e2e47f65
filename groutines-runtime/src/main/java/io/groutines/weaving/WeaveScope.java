package io.groutines.weaving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes whose methods and constructors are woven, so that groutines can await their calls.
 *
 * <p>The scope is fixed when the weaver starts ({@link Agent}); it is the union of
 * <ul>
 * <li>the system property {@value #INCLUDE_PROPERTY}, e.g.
 * {@code -Dgroutines.weave.include=com.example..*,org.springframework.http.ResponseEntity};</li>
 * <li>the agent's argument, in the same form: {@code -javaagent:groutines-runtime-agent.jar=com.example..*};</li>
 * <li>what code adds with {@link #include} and {@link #includeTargets} before the weaver starts — the Spring Boot
 * starter adds the classes of the declared triggers this way.</li>
 * </ul>
 * Each entry is a class name ({@code org.example.Foo}; a nested class as {@code org.example.Outer.Inner} or
 * {@code org.example.Outer$Inner}), a package ({@code org.example.*}) or a package with its subpackages
 * ({@code org.example..*}). The groutines runtime, AspectJ and the JDK are never woven, whatever the scope says.
 */
public final class WeaveScope {

    /** System property with a comma-separated list of scope entries. */
    public static final String INCLUDE_PROPERTY = "groutines.weave.include";

    /** System property; {@code true} makes the weaver print what it weaves and why it does not. */
    /** System property: classes or packages never woven, even when included or named by a trigger. */
    public static final String EXCLUDE_PROPERTY = "groutines.weave.exclude";

    /** System property: whether the weaver reports what it weaves. */
    public static final String VERBOSE_PROPERTY = "groutines.weave.verbose";

    /** Never woven: the runtime (its calls would recurse into dispatch), the weaver, the JDK. */
    static final List<String> NEVER = List.of("io.groutines.*", "io.groutines.internal..*", "io.groutines.weaving.*",
            "org.aspectj..*", "net.bytebuddy..*", "java..*", "javax..*", "jdk..*", "sun..*", "com.sun..*");

    private static final Pattern ENTRY = Pattern.compile(
            "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}$]*(\\.\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}$]*)*(\\.\\.?\\*)?");

    private static final Set<String> ENTRIES = new LinkedHashSet<>();

    private static final Set<String> TARGETS = new LinkedHashSet<>();

    private static final Set<String> EXCLUDED = new LinkedHashSet<>();

    private WeaveScope() {
    }

    /**
     * Adds classes or packages to the scope. Takes effect for classes loaded after the weaver starts; entries added
     * after it started reach only class loaders that had not woven anything yet, so add them before.
     * @param entries class names, {@code package.*} or {@code package..*}; each may also be a comma-separated list
     * @throws IllegalArgumentException when an entry has another form
     */
    public static synchronized void include(String... entries) {
        for (String entry : entries) {
            ENTRIES.addAll(parse(entry));
        }
    }

    /**
     * Takes classes or packages out of the scope, whatever includes them. Like {@link #include}, it takes effect for
     * classes loaded after the weaver starts.
     * @param entries class names, {@code package.*} or {@code package..*}; each may also be a comma-separated list
     * @throws IllegalArgumentException when an entry has another form
     */
    public static synchronized void exclude(String... entries) {
        for (String entry : entries) {
            EXCLUDED.addAll(parse(entry));
        }
    }

    /** @return the entries taken out of the scope, including {@value #EXCLUDE_PROPERTY} */
    public static synchronized List<String> excluded() {
        Set<String> all = new LinkedHashSet<>(parse(System.getProperty(EXCLUDE_PROPERTY, "")));
        all.addAll(EXCLUDED);
        return List.copyOf(all);
    }

    /**
     * Adds the classes of declared targets to the scope, and remembers the targets so that {@link Agent#attach()}
     * can report those it is too late for.
     * @param targetPaths targets as {@code FunctionCall.of(String)} takes them, e.g. {@code org.example.Foo.bar} or
     *        {@code org.example.Foo.bar(java.lang.String)}
     * @throws IllegalArgumentException when a path names no class
     */
    public static synchronized void includeTargets(Collection<String> targetPaths) {
        for (String path : targetPaths) {
            ENTRIES.add(classOf(path));
            TARGETS.add(path.strip());
        }
    }

    /** @return the entries of the scope so far, including {@value #INCLUDE_PROPERTY}, in the order added */
    public static synchronized List<String> entries() {
        Set<String> all = new LinkedHashSet<>(parse(System.getProperty(INCLUDE_PROPERTY, "")));
        all.addAll(ENTRIES);
        return List.copyOf(all);
    }

    /** @return the targets given to {@link #includeTargets}, in the order added */
    public static synchronized List<String> declaredTargets() {
        return List.copyOf(TARGETS);
    }

    /**
     * @param className a binary class name, e.g. {@code org.example.Outer$Inner}
     * @return whether the class is in the scope and not one that is never woven
     */
    public static boolean contains(String className) {
        if (matchesAny(NEVER, className) || matchesAny(excluded(), className)) {
            return false;
        }
        return matchesAny(entries(), className);
    }

    /**
     * @param className a binary class name
     * @return whether the class belongs to the groutines runtime, AspectJ or the JDK, which are never woven
     */
    static boolean isNeverWoven(String className) {
        return matchesAny(NEVER, className);
    }

    /** The class part of a target path: what precedes the member name and any parameter list. */
    static String classOf(String path) {
        String p = path.strip();
        int paren = p.indexOf('(');
        if (paren >= 0) {
            p = p.substring(0, paren);
        }
        int dot = p.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Target " + path + " names no class: write it as package.Class.method");
        }
        return p.substring(0, dot);
    }

    static List<String> parse(String list) {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("Weave scope entry '" + entry + "' is not a class name, "
                        + "package.* or package..* (e.g. com.example..*, org.springframework.http.ResponseEntity)");
            }
            out.add(entry);
        }
        return out;
    }

    private static boolean matchesAny(List<String> entries, String className) {
        for (String entry : entries) {
            if (matches(entry, className)) {
                return true;
            }
        }
        return false;
    }

    /** AspectJ's meaning of the three forms; a class nested in a matching class matches too. */
    private static boolean matches(String entry, String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
        if (entry.endsWith("..*")) {
            String base = entry.substring(0, entry.length() - 3);
            return pkg.equals(base) || pkg.startsWith(base + ".");
        }
        if (entry.endsWith(".*")) {
            return pkg.equals(entry.substring(0, entry.length() - 2));
        }
        String dotted = binaryName.replace('$', '.');
        String exact = entry.replace('$', '.');
        return dotted.equals(exact) || dotted.startsWith(exact + ".");
    }

    /**
     * The weaver configuration for the current scope: the groutines aspects, the scope as {@code <include>}s and
     * the never-woven packages as {@code <exclude>}s.
     * @param verbose whether the weaver reports what it weaves
     * @return the text of an {@code aop.xml}
     */
    static String aopXml(boolean verbose) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- written by the groutines agent (io.groutines.weaving.WeaveScope) -->\n");
        xml.append("<aspectj>\n");
        xml.append("  <weaver options=\"")
                .append(verbose ? "-verbose -showWeaveInfo" : "-warn:none -Xlint:ignore")
                .append("\">\n");
        for (String entry : entries()) {
            // nested classes: AspectJ type patterns write them with dots; an exact class includes its nested ones
            String pattern = entry.replace('$', '.');
            xml.append("    <include within=\"").append(pattern).append("\"/>\n");
            if (!pattern.endsWith("*")) {
                xml.append("    <include within=\"").append(pattern).append("..*\"/>\n");
            }
        }
        for (String never : NEVER) {
            xml.append("    <exclude within=\"").append(never).append("\"/>\n");
        }
        for (String entry : excluded()) {
            String pattern = entry.replace('$', '.');
            xml.append("    <exclude within=\"").append(pattern).append("\"/>\n");
            if (!pattern.endsWith("*")) {
                xml.append("    <exclude within=\"").append(pattern).append("..*\"/>\n");
            }
        }
        xml.append("  </weaver>\n");
        xml.append("  <aspects>\n");
        xml.append("    <aspect name=\"io.groutines.weaving.WovenCalls\"/>\n");
        xml.append("    <aspect name=\"io.groutines.weaving.WideCalls\"/>\n");
        xml.append("  </aspects>\n");
        xml.append("</aspectj>\n");
        return xml.toString();
    }
}
