package io.groutines.weaving;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope's matching of a class name, which runs for every class the JVM loads and allocates nothing, against the
 * plain reading of the entry forms ({@link #reference}): the same answer for every class name of the JDK's image
 * (moved out of the JDK's packages, with nested-class and leading-{@code $} variants) under scopes made of those
 * names, and for names whose hash codes collide with an entry's.
 */
class WeaveScopeMatchTest {

    /** Every class of the JDK's image, under a package of no JDK module, as an application's classes would be. */
    private static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
                Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            files.map(Path::toString).filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class"))
                    .forEach(f -> {
                        String name = f.substring(f.indexOf('/', "/modules/".length()) + 1, f.length() - 6);
                        names.add("app." + name.replace('/', '.'));
                    });
        }
        catch (UnsupportedOperationException ex) {
            // the jrt file system is the JVM's own and stays open
        }
        assertThat(names).hasSizeGreaterThan(10_000);
        return names;
    }

    @Test
    void everyNameIsMatchedAsTheEntryFormsSay() throws IOException {
        List<String> names = names();
        Random random = new Random(20261207);
        List<String> probes = new ArrayList<>(names);
        for (int i = 0; i < 5_000; i++) {
            String name = names.get(random.nextInt(names.size()));
            probes.add(name + "$Inner");
            probes.add(name.replace('.', '$'));
            probes.add("$" + name.substring(name.lastIndexOf('.') + 1));
            probes.add(name.substring(name.lastIndexOf('.') + 1));
            int cut = name.indexOf('.', 1 + random.nextInt(name.length() - 1));
            probes.add(cut < 0 ? name + "X" : name.substring(0, cut) + "$" + name.substring(cut + 1));
        }
        for (int round = 0; round < 40; round++) {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                String name = names.get(random.nextInt(names.size()));
                String pkg = name.substring(0, name.lastIndexOf('.'));
                switch (random.nextInt(5)) {
                    case 0 -> entries.add(pkg + ".*");
                    case 1 -> entries.add(pkg.substring(0, Math.max(pkg.indexOf('.', 4), 3)) + "..*");
                    case 2 -> entries.add(name.replace('$', '.'));
                    case 3 -> entries.add(name);
                    default -> entries.add(pkg); // a class entry that is a package's name
                }
            }
            WeaveScope.Entries prepared = new WeaveScope.Entries(entries);
            for (String probe : probes) {
                assertThat(prepared.match(probe)).as("%s in %s", probe, entries).isEqualTo(reference(entries, probe));
            }
        }
    }

    @Test
    void namesWhoseHashCodesAreAnEntrysAreComparedInFull() {
        // "Aa" and "BB" have the same hash code, and so do the names built of them
        assertThat("p.Aa".hashCode()).isEqualTo("p.BB".hashCode());
        WeaveScope.Entries entries = new WeaveScope.Entries(List.of("p.Aa", "q.AaAa.*", "r.Outer$AaBB"));
        assertThat(entries.match("p.Aa")).isTrue();
        assertThat(entries.match("p.Aa$Nested")).isTrue();
        assertThat(entries.match("p.BB")).isFalse();
        assertThat(entries.match("p.BB$Nested")).isFalse();
        assertThat(entries.match("q.AaAa.X")).isTrue();
        assertThat(entries.match("q.BBBB.X")).isFalse();
        assertThat(entries.match("q.AaBB.X")).isFalse();
        assertThat(entries.match("r.Outer$AaBB")).isTrue();
        assertThat(entries.match("r.Outer$AaBB$Deeper")).isTrue();
        assertThat(entries.match("r.Outer$BBAa")).isFalse();
        assertThat(entries.match("r.Outer.AaBB")).isTrue(); // $ and . are one to a class entry, as they always were
        assertThat(entries.match("")).isFalse();
        assertThat(entries.match("$AaBB")).isFalse();
    }

    /** The entry forms read plainly: what matching meant before it was made to allocate nothing. */
    private static boolean reference(List<String> entries, String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
        Set<String> classes = new HashSet<>();
        for (String entry : entries) {
            if (entry.endsWith("..*")) {
                String root = entry.substring(0, entry.length() - 3);
                if (pkg.equals(root) || pkg.startsWith(root + ".")) {
                    return true;
                }
            }
            else if (entry.endsWith(".*")) {
                if (pkg.equals(entry.substring(0, entry.length() - 2))) {
                    return true;
                }
            }
            else {
                classes.add(entry.replace('$', '.'));
            }
        }
        String dotted = binaryName.replace('$', '.');
        if (classes.contains(dotted)) {
            return true;
        }
        for (int i = dotted.indexOf('.'); i > 0; i = dotted.indexOf('.', i + 1)) {
            if (classes.contains(dotted.substring(0, i))) {
                return true;
            }
        }
        return false;
    }
}
