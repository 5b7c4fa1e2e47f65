package io.groutines.weaving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The weaving cache's entries on disk: found by the class's name and bytes, under the weaver's identity. No agent. */
class WeaveCacheTest {

    private static final byte[] ORIGINAL = { (byte) 0xCA, (byte) 0xFE, 1 };

    private static final byte[] WOVEN = { (byte) 0xCA, (byte) 0xFE, 2 };

    @TempDir
    Path dir;

    @Test
    void anEntryIsFoundByTheClassesNameAndBytes() {
        WeaveCache cache = WeaveCache.open(this.dir, new byte[] { 1 });
        assertThat(cache.get("com.example.Foo", ORIGINAL)).isNull();
        cache.put("com.example.Foo", ORIGINAL, new WeaveCache.Entry(WOVEN,
                List.of(new WeaveCache.Generated("com.example.Foo$AjcClosure1", new byte[] { 9 }))));
        WeaveCache.Entry entry = cache.get("com.example.Foo", ORIGINAL);
        assertThat(entry.woven()).containsExactly(WOVEN);
        assertThat(entry.generated()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("com.example.Foo$AjcClosure1");
            assertThat(g.bytes()).containsExactly(9);
        });
        assertThat(cache.get("com.example.Foo", new byte[] { (byte) 0xCA, (byte) 0xFE, 3 })).as("changed bytes").isNull();
        assertThat(cache.get("com.example.Bar", ORIGINAL)).as("another class, the same bytes").isNull();
    }

    @Test
    void askedWhetherItHasAnEntryItKeepsTheEntryAsUsed() throws Exception {
        WeaveCache cache = WeaveCache.open(this.dir, new byte[] { 1 });
        assertThat(cache.has("com.example.Foo", ORIGINAL)).isFalse();
        cache.put("com.example.Foo", ORIGINAL, new WeaveCache.Entry(WOVEN, List.of()));
        Path entry;
        try (Stream<Path> files = Files.walk(this.dir)) {
            entry = files.filter(f -> f.getFileName().toString().startsWith("com.example.Foo-")).findFirst().orElseThrow();
        }
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(WeaveCache.STALE_DAYS + 1)));
        Files.setLastModifiedTime(entry, longAgo);
        assertThat(cache.has("com.example.Foo", ORIGINAL)).isTrue();
        assertThat(cache.has("com.example.Foo", new byte[] { (byte) 0xCA, (byte) 0xFE, 3 })).as("changed bytes").isFalse();
        assertThat(cache.has("com.example.Bar", ORIGINAL)).as("another class, the same bytes").isFalse();
        // a class the start does not load is asked for by the thread that weaves ahead only: it must not go stale
        assertThat(Files.getLastModifiedTime(entry).toInstant()).isAfter(Instant.now().minus(Duration.ofDays(1)));
    }

    @Test
    void aClassTheWeaverLeftAsItWasIsKeptAsSuch() {
        WeaveCache cache = WeaveCache.open(this.dir, new byte[] { 1 });
        cache.put("com.example.Api", ORIGINAL, new WeaveCache.Entry(null, List.of()));
        assertThat(cache.get("com.example.Api", ORIGINAL).woven()).isNull();
    }

    @Test
    void anotherWeaverHasItsOwnEntries() {
        WeaveCache.open(this.dir, new byte[] { 1 }).put("com.example.Foo", ORIGINAL, new WeaveCache.Entry(WOVEN, List.of()));
        WeaveCache other = WeaveCache.open(this.dir, new byte[] { 2 });
        assertThat(other.dir()).isNotEqualTo(WeaveCache.open(this.dir, new byte[] { 1 }).dir());
        assertThat(other.get("com.example.Foo", ORIGINAL)).isNull();
    }

    @Test
    void aTornOrForeignEntryIsAMiss() throws Exception {
        WeaveCache cache = WeaveCache.open(this.dir, new byte[] { 1 });
        cache.put("com.example.Foo", ORIGINAL, new WeaveCache.Entry(WOVEN, List.of()));
        try (Stream<Path> entries = Files.list(cache.dir())) {
            for (Path entry : entries.toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 1));
            }
        }
        assertThat(cache.get("com.example.Foo", ORIGINAL)).isNull();
    }

    @Test
    void anotherWeaversEntriesUnusedForLongAreDeletedAtTheNextStart() throws Exception {
        Path old = Files.createDirectories(this.dir.resolve("0123456789abcdef01234567"));
        Path recent = Files.createDirectories(this.dir.resolve("76543210fedcba9876543210"));
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(WeaveCache.STALE_DAYS + 1)));
        Files.write(old.resolve("a.woven"), WOVEN);
        Files.write(recent.resolve("b.woven"), WOVEN);
        Files.setLastModifiedTime(old.resolve("a.woven"), longAgo);
        Files.setLastModifiedTime(old, longAgo);
        WeaveCache.open(this.dir, new byte[] { 2 });
        for (int i = 0; i < 100 && Files.exists(old); i++) { // pruned by a background thread
            Thread.sleep(50);
        }
        assertThat(old).doesNotExist();
        assertThat(recent.resolve("b.woven")).as("another weaver in use").exists();
    }
}
