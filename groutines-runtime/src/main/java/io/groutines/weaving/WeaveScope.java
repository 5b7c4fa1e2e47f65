package io.groutines.weaving;

import io.groutines.discovery.GroutineClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which classes are woven, so that groutines can await the calls of their methods and constructors: an immutable
 * value. The weaver uses one, frozen when it starts (or, with {@code -javaagent} in a Spring Boot application, when
 * the application has decided whether groutines run); {@link Weaving#scope()} returns it for the startup log, the
 * actuator endpoint and target checks.
 *
 * <p>Each entry is a class name ({@code org.example.Foo}; a nested class as {@code org.example.Outer.Inner} or
 * {@code org.example.Outer$Inner}; a class includes its nested classes), a package ({@code org.example.*}) or a
 * package with its subpackages ({@code org.example..*}). Besides its entries, a scope may hold the classes of the
 * application's own code by name ({@link #withApplicationCode}), as the agent finds them on the class path at JVM
 * start. Exclusions win over inclusions. The groutines runtime, AspectJ and the JDK (the classes of its modules,
 * {@link #jdkModuleOf}) are never woven, and neither are generated classes (proxies, lambdas, mocks), whatever the
 * scope says.
 *
 * <p>{@link #contains} is asked for every class the JVM loads: it answers from hash sets and a short list of
 * package prefixes, prepared once per scope.
 */
public final class WeaveScope {

    /** System property with a comma-separated list of entries to include. */
    public static final String INCLUDE_PROPERTY = "groutines.weave.include";

    /** System property with a comma-separated list of entries never woven, even when included. */
    public static final String EXCLUDE_PROPERTY = "groutines.weave.exclude";

    /** System property: whether the weaver reports what it weaves. */
    public static final String VERBOSE_PROPERTY = "groutines.weave.verbose";

    /**
     * Never woven, by name: the runtime (its calls would recurse into dispatch), the weaver, and {@code java..*}, which
     * only the JDK may define. The rest of the JDK is known by its modules ({@link #jdkModuleOf}), not by a package
     * prefix: libraries live under {@code javax.*} and {@code com.sun.*} too ({@code javax.cache},
     * {@code javax.money}, {@code com.sun.jna}).
     */
    static final List<String> NEVER = List.of("io.groutines.*", "io.groutines.discovery.*", "io.groutines.weaving.*",
            "org.aspectj..*", "net.bytebuddy..*", "java..*");

    private static final Pattern ENTRY = Pattern.compile(
            "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}$]*(\\.\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}$]*)*(\\.\\.?\\*)?");

    private static final Entries NEVER_ENTRIES = new Entries(NEVER);

    private static final WeaveScope EMPTY = new WeaveScope(List.of(), List.of(), List.of(), Set.of(), "");

    private final List<String> included;

    private final List<String> excluded;

    private final List<String> targets;

    private final Set<String> applicationClasses;

    private final String applicationCode;

    private final Entries includes;

    private final Entries excludes;

    private WeaveScope(List<String> included, List<String> excluded, List<String> targets,
            Set<String> applicationClasses, String applicationCode) {
        this.included = List.copyOf(included);
        this.excluded = List.copyOf(excluded);
        this.targets = List.copyOf(targets);
        this.applicationClasses = applicationClasses;
        this.applicationCode = applicationCode;
        this.includes = new Entries(this.included);
        this.excludes = new Entries(this.excluded);
    }

    /** @return the scope that weaves nothing */
    public static WeaveScope empty() {
        return EMPTY;
    }

    /**
     * @param included entries to weave; each may be a comma-separated list
     * @param excluded entries never to weave
     * @return the scope
     * @throws IllegalArgumentException when an entry is not a class name, {@code package.*} or {@code package..*}
     */
    public static WeaveScope of(Collection<String> included, Collection<String> excluded) {
        return EMPTY.withIncluded(included).withExcluded(excluded);
    }

    /** @return the scope given on the command line: {@value #INCLUDE_PROPERTY} and {@value #EXCLUDE_PROPERTY} */
    public static WeaveScope fromSystemProperties() {
        return of(parse(System.getProperty(INCLUDE_PROPERTY, "")), parse(System.getProperty(EXCLUDE_PROPERTY, "")));
    }

    /**
     * @param entries more entries to weave
     * @return this scope with them
     */
    public WeaveScope withIncluded(Collection<String> entries) {
        return new WeaveScope(union(included, entries), excluded, targets, applicationClasses, applicationCode);
    }

    /**
     * @param entries more entries never to weave
     * @return this scope without them
     */
    public WeaveScope withExcluded(Collection<String> entries) {
        return new WeaveScope(included, union(excluded, entries), targets, applicationClasses, applicationCode);
    }

    /**
     * Adds the classes of the application's own code, by binary name, however many packages they share with its
     * libraries or with groutines.
     * @param classNames the binary names of the classes
     * @param where where they are, for messages (e.g. {@code /app/target/classes})
     * @return this scope with them
     */
    public WeaveScope withApplicationCode(Collection<String> classNames, String where) {
        if (classNames.isEmpty()) {
            return this;
        }
        Set<String> all = new HashSet<>(applicationClasses);
        all.addAll(classNames);
        String label = applicationCode.isEmpty() || applicationCode.equals(where) ? where : applicationCode + "; " + where;
        return new WeaveScope(included, excluded, targets, Set.copyOf(all), label);
    }

    /**
     * Everything another scope weaves, added to this one: for a JVM whose applications each say what they need.
     * @param other another scope
     * @return this scope widened by the other's entries, targets and application classes; its exclusions stay
     */
    public WeaveScope withAll(WeaveScope other) {
        return withIncluded(other.included).withTargets(other.targets)
                .withApplicationCode(other.applicationClasses, other.applicationCode);
    }

    /**
     * Adds the classes of declared triggers, and remembers the triggers, so that a weaver attached late can say
     * which of them it came too late for.
     * @param targetPaths targets as {@code FunctionCall.of(String)} takes them, e.g. {@code org.example.Foo.bar(int)}
     * @return this scope with their classes
     */
    public WeaveScope withTargets(Collection<String> targetPaths) {
        List<String> classes = new ArrayList<>();
        List<String> paths = new ArrayList<>(targets);
        for (String path : targetPaths) {
            classes.add(classOf(path));
            if (!paths.contains(path.strip())) {
                paths.add(path.strip());
            }
        }
        return new WeaveScope(union(included, classes), excluded, paths, applicationClasses, applicationCode);
    }

    /**
     * Adds what declared groutines need woven: the classes their triggers name, and their {@code weave} entries.
     * @param groutines the {@code @Groutines} classes that run
     * @return this scope with them
     */
    public WeaveScope withGroutines(Collection<GroutineClass> groutines) {
        WeaveScope scope = this;
        for (GroutineClass type : groutines) {
            scope = scope.withTargets(type.triggers()).withIncluded(type.weave());
        }
        return scope;
    }

    /** @return the entries woven, in the order added */
    public List<String> included() {
        return included;
    }

    /** @return the entries never woven */
    public List<String> excluded() {
        return excluded;
    }

    /** @return the declared triggers whose classes are in the scope */
    public List<String> targets() {
        return targets;
    }

    /** @return the binary names of the application's classes in the scope besides its entries; often empty */
    public Set<String> applicationClasses() {
        return applicationClasses;
    }

    /** @return where the application's classes in the scope were found; empty when there are none */
    public String applicationCode() {
        return applicationCode;
    }

    /** @return whether the scope weaves nothing */
    public boolean isEmpty() {
        return included.isEmpty() && applicationClasses.isEmpty();
    }

    /**
     * @param binaryName a binary class name, e.g. {@code org.example.Outer$Inner}
     * @return whether the class is in the scope, and not one that is never woven
     */
    public boolean contains(String binaryName) {
        // asked for every class loaded: the cheap tests that reject most classes first
        return (applicationClasses.contains(binaryName) || includes.match(binaryName)) && !excludes.match(binaryName)
                && !isNeverWoven(binaryName);
    }

    /**
     * @param binaryName a binary class name
     * @return the {@code groutines.weave.exclude} entry that keeps the class out of the scope, if one does
     */
    public Optional<String> exclusion(String binaryName) {
        return excluded.stream().filter(entry -> matches(entry, binaryName)).findFirst();
    }

    /**
     * @param binaryName a binary class name
     * @return whether the class belongs to the groutines runtime, AspectJ, Byte Buddy's agent or the JDK, or is generated
     *         (a proxy, a lambda, a mock: its name contains {@code $$}), which are never woven
     */
    static boolean isNeverWoven(String binaryName) {
        return isGenerated(binaryName) || NEVER_ENTRIES.match(binaryName) || jdkModuleOf(binaryName).isPresent();
    }

    /**
     * The JDK's classes are those of its modules, {@code java.*} and {@code jdk.*} in the boot layer (whatever loader
     * defines them: most the bootstrap or platform loader, a few the application loader, e.g. {@code jdk.compiler}).
     * A package belongs to one module only, and a class loader asked for a class of a JDK module's package delegates
     * to that module's loader: a class of such a package is the JDK's, and no class of another package is.
     * @param binaryName a binary class name
     * @return the JDK module whose package the class is in; empty for every other class ({@code javax.cache.Cache}
     *         of a library jar, {@code com.sun.jna.Native})
     */
    public static Optional<String> jdkModuleOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(JdkPackages.MODULES.get(binaryName.substring(0, dot)));
    }

    /** The packages of the JDK's modules in the boot layer, with their module's name; read once, when first asked. */
    private static final class JdkPackages {

        static final Map<String, String> MODULES = read();

        private static Map<String, String> read() {
            Map<String, String> modules = new HashMap<>(2048);
            for (Module module : ModuleLayer.boot().modules()) {
                String name = module.getName();
                if (name.startsWith("java.") || name.startsWith("jdk.")) {
                    for (String pkg : module.getPackages()) {
                        modules.put(pkg, name);
                    }
                }
            }
            return Map.copyOf(modules);
        }
    }

    /**
     * Name parts of classes that libraries generate at run time: Spring's and other CGLIB proxies
     * ({@code Foo$$SpringCGLIB$$0}), Javassist's ({@code _$$_jvst}), Hibernate's ({@code Foo$HibernateProxy},
     * {@code Foo$HibernateProxy$abc}), Mockito's and Byte Buddy's, and the closures AspectJ generates for around advice
     * it does not inline ({@code Foo$AjcClosure1}).
     */
    static final List<String> GENERATED = List.of("$$", "$HibernateProxy", "$HibernateInstantiator",
            "$HibernateAccessOptimizer", "$MockitoMock$", "$ByteBuddy$", "$auxiliary$", "$AjcClosure");

    /**
     * The same as the weaver's own exclusions, in the one form AspectJ matches without parsing the class,
     * {@code *..*PART*} (PART looked for in the simple name). AspectJ turns a {@code $} in PART into a dot first, so a
     * PART with {@code $} would never match; these have none.
     */
    static final List<String> GENERATED_EXCLUDES = List.of("*..*SpringCGLIB*", "*..*ByCGLIB*", "*..*HibernateProxy*",
            "*..*MockitoMock*");

    /**
     * @param binaryName a binary class name
     * @return whether a library generated the class at run time ({@link #GENERATED}, or a JDK proxy {@code $ProxyN})
     */
    static boolean isGenerated(String binaryName) {
        for (String part : GENERATED) {
            if (binaryName.contains(part)) {
                return true;
            }
        }
        return binaryName.startsWith("$Proxy", binaryName.lastIndexOf('.') + 1);
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

    /**
     * @param list comma-separated entries
     * @return them, checked
     * @throws IllegalArgumentException when an entry is not a class name, {@code package.*} or {@code package..*}
     */
    public static List<String> parse(String list) {
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

    private static List<String> union(List<String> first, Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(first);
        for (String entry : more) {
            all.addAll(parse(entry));
        }
        return new ArrayList<>(all);
    }

    /** AspectJ's meaning of the three forms; a class nested in a matching class matches too. */
    private static boolean matches(String entry, String binaryName) {
        return new Entries(List.of(entry)).match(binaryName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeaveScope scope && scope.included.equals(included) && scope.excluded.equals(excluded)
                && scope.targets.equals(targets) && scope.applicationClasses.equals(applicationClasses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(included, excluded, targets, applicationClasses);
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "(nothing)";
        }
        List<String> parts = new ArrayList<>(included);
        if (!applicationClasses.isEmpty()) {
            parts.add(0, "the application's own classes (" + applicationClasses.size() + " in " + applicationCode + ")");
        }
        return String.join(", ", parts) + (excluded.isEmpty() ? "" : " except " + String.join(", ", excluded));
    }

    /**
     * Entries prepared for matching a class name: packages ({@code p.*}), packages with their subpackages
     * ({@code p..*}) and classes. Asked for every class the JVM loads, so a match allocates nothing: the names the
     * entries could match are found by the hash codes of the class name's prefixes, computed in one pass over its
     * characters, and only a hash code that is an entry's is compared character by character.
     */
    static final class Entries {

        /** The packages' names. */
        private final List<String> packages = new ArrayList<>();

        private final List<String> subpackageRoots = new ArrayList<>();

        /** The classes' names, each {@code $} read as {@code .}: a class matches the classes nested in it. */
        private final List<String> classes = new ArrayList<>();

        /** The {@link String#hashCode()} of each package's name, sorted. */
        private final int[] packageHashes;

        /** The {@link String#hashCode()} of each class's name ({@code $} read as {@code .}), sorted. */
        private final int[] classHashes;

        Entries(List<String> entries) {
            for (String entry : entries) {
                if (entry.endsWith("..*")) {
                    subpackageRoots.add(entry.substring(0, entry.length() - 3));
                }
                else if (entry.endsWith(".*")) {
                    packages.add(entry.substring(0, entry.length() - 2));
                }
                else {
                    classes.add(entry.replace('$', '.'));
                }
            }
            this.packageHashes = packages.stream().mapToInt(String::hashCode).sorted().toArray();
            this.classHashes = classes.stream().mapToInt(String::hashCode).sorted().toArray();
        }

        /**
         * Whether a class matches: its package is a package entry, or is or is inside a subpackage root, or the class
         * is a class entry or nested in one (the name up to one of its {@code .} or {@code $}, with each {@code $}
         * read as {@code .}, is a class entry).
         */
        boolean match(String binaryName) {
            int dot = binaryName.lastIndexOf('.');
            for (int i = 0, n = subpackageRoots.size(); i < n; i++) {
                String root = subpackageRoots.get(i);
                if (dot >= root.length() && binaryName.startsWith(root)
                        && (dot == root.length() || binaryName.charAt(root.length()) == '.')) {
                    return true;
                }
            }
            if (packageHashes.length == 0 && classHashes.length == 0) {
                return false;
            }
            // the hash code of each prefix as String.hashCode() computes it: of the name as it is (for a package)
            // and with each $ read as . (for a class)
            // (a name that begins with . or $ is matched whole only: so it always was)
            boolean prefixes = !binaryName.isEmpty() && binaryName.charAt(0) != '.' && binaryName.charAt(0) != '$';
            int raw = 0;
            int dotted = 0;
            for (int i = 0, length = binaryName.length(); i < length; i++) {
                char c = binaryName.charAt(i);
                if ((c == '.' || c == '$') && i > 0) {
                    if (i == dot && isPackage(binaryName, raw, i)) {
                        return true;
                    }
                    if (prefixes && isClass(binaryName, dotted, i)) {
                        return true;
                    }
                }
                raw = 31 * raw + c;
                dotted = 31 * dotted + (c == '$' ? '.' : c);
            }
            return (dot <= 0 && isPackage(binaryName, 0, 0)) || isClass(binaryName, dotted, binaryName.length());
        }

        /** Whether the first {@code length} characters of the name, of that hash code, are a package entry. */
        private boolean isPackage(String name, int hash, int length) {
            if (packageHashes.length == 0 || Arrays.binarySearch(packageHashes, hash) < 0) {
                return false;
            }
            for (int i = 0, n = packages.size(); i < n; i++) {
                String pkg = packages.get(i);
                if (pkg.length() == length && name.startsWith(pkg)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the first {@code length} characters of the name, of that hash code ($ read as .), are a class entry. */
        private boolean isClass(String name, int hash, int length) {
            if (classHashes.length == 0 || Arrays.binarySearch(classHashes, hash) < 0) {
                return false;
            }
            for (int i = 0, n = classes.size(); i < n; i++) {
                String type = classes.get(i);
                if (type.length() == length && sameDotted(name, type, length)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sameDotted(String name, String dotted, int length) {
            for (int i = 0; i < length; i++) {
                char c = name.charAt(i);
                if ((c == '$' ? '.' : c) != dotted.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
