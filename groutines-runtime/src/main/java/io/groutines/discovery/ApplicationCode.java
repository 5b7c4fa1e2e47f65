package io.groutines.discovery;

import io.groutines.Groutines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The application's own code on a class path, as opposed to its libraries: what its build compiled. Found from where
 * the code is, not from file names:
 * <ul>
 * <li>class directories — Maven's {@code target/classes} and {@code target/test-classes}, Gradle's
 * {@code build/classes/...}, an IDE's output, an exploded archive's {@code BOOT-INF/classes} or
 * {@code WEB-INF/classes};</li>
 * <li>the classes of a Spring Boot jar or war ({@code BOOT-INF/classes}, {@code WEB-INF/classes}), not its nested
 * libraries;</li>
 * <li>the jar that holds the main class, whatever it is called (an application started with {@code java -jar}, or
 * with {@code -cp app.jar:libs/*}).</li>
 * </ul>
 * Other jars are libraries and are never opened; a jar that only lists a class path in its manifest (Maven Surefire's,
 * an IDE's shortened command line) stands for that class path. Groutines' own classes are never the application's,
 * wherever they come from.
 *
 * <p>Read once per class loader, from the files: the binary names of the classes, and the {@link Groutines} classes
 * among them (every class file is searched for the annotation's name; only those that hold it are parsed). Nothing
 * is loaded.
 */
public final class ApplicationCode {

    /** The descriptor that every class annotated {@code @Groutines} holds in its constant pool. */
    private static final byte[] GROUTINES_DESCRIPTOR = ("L" + Groutines.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.UTF_8);

    /** Classes found in a class directory that hold groutines themselves: their runtime, their starter. */
    private static final List<String> GROUTINES_OWN = List.of("io/groutines/Groutines.class",
            "io/groutines/boot/autoconfigure/GroutinesAutoConfiguration.class");

    /** Main classes (or their packages) of the test runners that start test JVMs. */
    private static final List<String> TEST_LAUNCHERS = List.of("org.apache.maven.surefire.booter.ForkedBooter",
            "org.junit.platform.console.", "com.intellij.rt.junit.", "org.eclipse.jdt.internal.junit.runner.",
            "worker.org.gradle.process.internal.worker.GradleWorkerMain",
            "org.gradle.process.internal.worker.GradleWorkerMain");

    private static volatile ApplicationCode ofThisJvm;

    private static final Map<ClassLoader, ApplicationCode> BY_LOADER = Collections.synchronizedMap(new WeakHashMap<>());

    /** What an archive holds, by its path, size and time: a second class loader on the same jar reads nothing. */
    private static final Map<Root, Contents> ARCHIVES = new ConcurrentHashMap<>();

    private final List<Root> roots;

    private volatile Contents contents;

    private ApplicationCode(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * @return the application's code on this JVM's class path ({@code java.class.path}, and for {@code java -jar} the
     *         archive's), read at the first call
     */
    public static ApplicationCode ofThisJvm() {
        ApplicationCode code = ofThisJvm;
        if (code == null) {
            synchronized (ApplicationCode.class) {
                code = ofThisJvm;
                if (code == null) {
                    code = new ApplicationCode(rootsOf(System.getProperty("sun.java.command", ""),
                            System.getProperty("java.class.path", "")));
                    ofThisJvm = code;
                }
            }
        }
        return code;
    }

    /**
     * @param loader a class loader: the application's (a Spring Boot archive's launcher, a DevTools restart loader, the
     *        system class loader)
     * @return the application's code that the loader (or, when it names none, its nearest parent) loads from
     */
    public static ApplicationCode of(ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == ClassLoader.getSystemClassLoader()) {
                break;
            }
            if (l instanceof URLClassLoader urls) {
                ApplicationCode known = BY_LOADER.get(l);
                if (known != null) {
                    return known;
                }
                List<Root> roots = rootsOf(urls.getURLs());
                if (!roots.isEmpty()) {
                    ApplicationCode code = new ApplicationCode(roots);
                    BY_LOADER.put(l, code);
                    return code;
                }
            }
        }
        return ofThisJvm();
    }

    /** @return where the application's code is, as paths ({@code app.jar!/BOOT-INF/classes} inside an archive) */
    public List<String> locations() {
        return this.roots.stream().map(Root::toString).toList();
    }

    /** @return the binary names of every class of the application's code */
    public Set<String> classNames() {
        return contents().classNames;
    }

    /**
     * @return the binary names of the classes of the application's code outside its tests' class directories
     *         ({@code target/test-classes}, Gradle's {@code build/classes/<language>/test}, an IDE's {@code out/test/...}):
     *         the classes a run of the application, or of any of its tests, loads most of
     */
    public Set<String> mainClassNames() {
        return contents().mainClassNames;
    }

    /** @return the {@link Groutines} classes of the application's code that can be instantiated, by class name */
    public List<GroutineClass> groutines() {
        return contents().groutines;
    }

    private Contents contents() {
        Contents read = this.contents;
        if (read == null) {
            synchronized (this) {
                read = this.contents;
                if (read == null) {
                    read = Contents.of(this.roots);
                    this.contents = read;
                }
            }
        }
        return read;
    }

    @Override
    public String toString() {
        return this.roots.isEmpty() ? "no class directory or application archive on the class path"
                : String.join(", ", locations());
    }

    // ---------------------------------------------------------------------------------------------- the roots

    /**
     * The roots of a JVM's class path: its directories, the classes of the archive {@code java -jar} names (a Spring
     * Boot archive's {@code BOOT-INF/classes} or {@code WEB-INF/classes}; a plain jar whole), the jar of the main class
     * otherwise. Package-private for tests.
     * @param command the launcher's record of the main class or jar and the arguments ({@code sun.java.command})
     * @param classPath the class path ({@code java.class.path})
     */
    static List<Root> rootsOf(String command, String classPath) {
        String first = firstWord(command);
        Set<Root> roots = new LinkedHashSet<>();
        Path launchedJar = isArchiveName(first) ? normalized(first) : null;
        List<Path> elements = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = entry.isBlank() ? null : normalized(entry);
            if (path != null) {
                elements.add(path);
            }
        }
        if (launchedJar != null && !elements.contains(launchedJar)) {
            elements.add(0, launchedJar);
        }
        String mainClass = launchedJar == null ? first : null;
        for (Path element : expandManifestClassPaths(elements, launchedJar)) {
            if (Files.isDirectory(element)) {
                if (!isGroutinesOwn(element)) {
                    roots.add(new Root(element, null));
                }
            }
            else if (element.equals(launchedJar)) {
                Root root = archiveRoot(element);
                if (root != null) {
                    roots.add(root);
                }
            }
        }
        // a test runner's main class (JUnit's console launcher, an IDE's or Gradle's worker) is the runner's jar's: a library
        if (mainClass != null && !mainClass.isEmpty() && !isTestLauncher(mainClass)
                && roots.stream().noneMatch(r -> r.holds(mainClass))) {
            Path jar = jarOfSystemResource(mainClass.replace('.', '/') + ".class");
            if (jar != null) {
                roots.add(new Root(jar, ""));
            }
        }
        return List.copyOf(roots);
    }

    /** The roots a class loader's URLs name: directories, and the classes of a Spring Boot archive. */
    static List<Root> rootsOf(URL[] urls) {
        Set<Root> roots = new LinkedHashSet<>();
        for (URL url : urls) {
            String text = url.toString();
            if (text.startsWith("file:")) {
                Path path = pathOf(text);
                if (path != null && Files.isDirectory(path) && !isGroutinesOwn(path)) {
                    roots.add(new Root(path, null));
                }
                continue;
            }
            // jar:nested:/app.jar/!BOOT-INF/classes/ (Spring Boot 3.2+), jar:file:/app.jar!/BOOT-INF/classes!/ (before)
            for (String classes : List.of("BOOT-INF/classes/", "WEB-INF/classes/")) {
                int at = text.indexOf(classes);
                if (at < 0 || !text.startsWith("jar:")) {
                    continue;
                }
                String archive = text.substring(4, at);
                archive = archive.endsWith("/!") ? archive.substring(0, archive.length() - 2)
                        : archive.endsWith("!/") ? archive.substring(0, archive.length() - 2) : archive;
                if (archive.startsWith("nested:")) {
                    archive = "file:" + archive.substring("nested:".length());
                }
                Path path = pathOf(archive);
                if (path != null && Files.isRegularFile(path)) {
                    roots.add(new Root(path, classes));
                }
            }
        }
        return List.copyOf(roots);
    }

    /** The class path a jar's manifest lists ({@code Class-Path}), in place of the jar, for jars that are such lists. */
    private static List<Path> expandManifestClassPaths(List<Path> elements, Path launchedJar) {
        List<Path> expanded = new ArrayList<>();
        for (Path element : elements) {
            expanded.add(element);
            if (!isArchiveName(element.toString()) || !(element.equals(launchedJar) || elements.size() <= 2)) {
                continue; // libraries are never opened: only a launched jar, or a class path of one or two jars
            }
            Manifest manifest = manifest(element);
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null || listed.isBlank()) {
                continue;
            }
            URI base = element.getParent() == null ? element.toUri() : element.getParent().toUri();
            for (String entry : listed.strip().split("\\s+")) {
                try {
                    Path path = Path.of(base.resolve(entry)).toAbsolutePath().normalize();
                    if (!expanded.contains(path)) {
                        expanded.add(path);
                    }
                }
                catch (IllegalArgumentException ex) {
                    // not a file URI: not the application's code
                }
            }
        }
        return expanded;
    }

    /**
     * The root of an archive started with {@code java -jar}: a Spring Boot archive's classes directory, a test runner's
     * jar none (it only lists the class path), a plain jar whole.
     */
    private static Root archiveRoot(Path jar) {
        Manifest manifest = manifest(jar);
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String classes = main.getValue("Spring-Boot-Classes");
        if (classes != null && !classes.isBlank()) {
            return new Root(jar, classes.endsWith("/") ? classes : classes + "/");
        }
        if (isTestLauncher(main.getValue(Attributes.Name.MAIN_CLASS))) {
            return null;
        }
        return new Root(jar, "");
    }

    /**
     * @param mainClass a main class's name, or null
     * @return whether it is a test runner's, one that starts a JVM for tests (Maven Surefire and Failsafe, Gradle's
     *         test worker, JUnit's console launcher, IntelliJ IDEA's and Eclipse's JUnit runners)
     */
    public static boolean isTestLauncher(String mainClass) {
        return mainClass != null && TEST_LAUNCHERS.stream().anyMatch(mainClass::startsWith);
    }

    /**
     * @param jar a jar
     * @return the main class its manifest names, or null
     */
    public static String mainClassOf(Path jar) {
        Manifest manifest = manifest(jar);
        return manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
    }

    private static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.getManifest();
        }
        catch (IOException | SecurityException ex) {
            return null;
        }
    }

    private static boolean isGroutinesOwn(Path directory) {
        return GROUTINES_OWN.stream().anyMatch(file -> Files.isRegularFile(directory.resolve(file)));
    }

    private static Path jarOfSystemResource(String resource) {
        URL url = ClassLoader.getSystemResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String file = url.getPath();
        int bang = file.indexOf("!/");
        return pathOf(bang < 0 ? file : file.substring(0, bang));
    }

    static String firstWord(String command) {
        String c = command.strip();
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(0, space);
    }

    static boolean isArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war");
    }

    private static Path pathOf(String uri) {
        try {
            return Path.of(new URI(uri)).toAbsolutePath().normalize();
        }
        catch (URISyntaxException | IllegalArgumentException ex) {
            return null;
        }
    }

    private static Path normalized(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        }
        catch (InvalidPathException ex) {
            return null;
        }
    }

    /**
     * A directory of class files ({@code prefix} null), or an archive's classes under {@code prefix} ({@code ""}: the
     * whole archive).
     */
    record Root(Path path, String prefix) {

        boolean isArchive() {
            return this.prefix != null;
        }

        /** Whether this is a directory of tests' classes, as Maven, Gradle and IntelliJ IDEA name them. */
        boolean isTests() {
            if (isArchive() || this.path.getFileName() == null) {
                return false;
            }
            if (this.path.getFileName().toString().equals("test-classes")) {
                return true;
            }
            int count = this.path.getNameCount();
            if (count < 3) {
                return false;
            }
            String last = this.path.getName(count - 1).toString();
            String second = this.path.getName(count - 2).toString();
            String third = this.path.getName(count - 3).toString();
            return (last.equals("test") && third.equals("classes")) // Gradle: build/classes/java/test
                    || (second.equals("test") && third.equals("out")); // IntelliJ: out/test/module
        }

        /** Whether the class's file is here; for an archive, whether it is the application's jar at all. */
        boolean holds(String className) {
            return !isArchive() && Files.isRegularFile(this.path.resolve(className.replace('.', '/') + ".class"));
        }

        @Override
        public String toString() {
            return !isArchive() || this.prefix.isEmpty() ? this.path.toString()
                    : this.path + "!/" + this.prefix.substring(0, this.prefix.length() - 1);
        }
    }

    // ---------------------------------------------------------------------------------------------- the contents

    /** What the roots hold: the classes' names and the {@code @Groutines} classes. */
    private record Contents(Set<String> classNames, Set<String> mainClassNames, List<GroutineClass> groutines) {

        static Contents of(List<Root> roots) {
            Set<String> names = new HashSet<>();
            Set<String> main = new HashSet<>();
            List<GroutineClass> groutines = new ArrayList<>();
            for (Root root : roots) {
                Contents one = root.isArchive() ? ARCHIVES.computeIfAbsent(archiveKey(root), k -> read(root)) : read(root);
                names.addAll(one.classNames);
                if (!root.isTests()) {
                    main.addAll(one.classNames);
                }
                groutines.addAll(one.groutines);
            }
            groutines.sort(Comparator.comparing(GroutineClass::className));
            return new Contents(Set.copyOf(names), Set.copyOf(main), List.copyOf(groutines));
        }

        /** The archive's path with its size and time in the prefix: a rebuilt jar is read again. */
        private static Root archiveKey(Root root) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(root.path(), BasicFileAttributes.class);
                return new Root(root.path(), root.prefix() + "?" + attributes.size() + "@" + attributes.lastModifiedTime());
            }
            catch (IOException ex) {
                return root;
            }
        }

        private static Contents read(Root root) {
            Set<String> names = new HashSet<>();
            List<GroutineClass> groutines = new ArrayList<>();
            try {
                if (root.isArchive()) {
                    readArchive(root, names, groutines);
                }
                else {
                    readDirectory(root.path(), names, groutines);
                }
            }
            catch (IOException | UncheckedIOException ex) {
                // unreadable: none of its classes is known; a groutine class there is not found, and its triggers
                // fail the startup check, which says where the classes were searched
            }
            return new Contents(names, names, groutines);
        }

        private static void readDirectory(Path dir, Set<String> names, List<GroutineClass> groutines) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String relative = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    String name = classNameOf(relative);
                    if (name != null && Files.isRegularFile(file)) {
                        names.add(name);
                        found(Files.readAllBytes(file), groutines);
                    }
                }
            }
        }

        private static void readArchive(Root root, Set<String> names, List<GroutineClass> groutines) throws IOException {
            try (JarFile jar = new JarFile(root.path().toFile(), false)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(root.prefix())) {
                        continue;
                    }
                    String name = classNameOf(entry.getName().substring(root.prefix().length()));
                    if (name != null) {
                        names.add(name);
                        try (InputStream in = jar.getInputStream(entry)) {
                            found(in.readAllBytes(), groutines);
                        }
                    }
                }
            }
        }

        private static void found(byte[] classFile, List<GroutineClass> groutines) {
            if (contains(classFile, GROUTINES_DESCRIPTOR)) {
                GroutineClasses.read(classFile).ifPresent(groutines::add);
            }
        }
    }

    /** {@code a/b/C$D.class} as {@code a.b.C$D}; null for what is not a class (resources, module and package infos). */
    static String classNameOf(String relativePath) {
        if (!relativePath.endsWith(".class") || relativePath.startsWith("META-INF/")
                || relativePath.endsWith("module-info.class") || relativePath.endsWith("package-info.class")) {
            return null;
        }
        return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
