package io.groutines.boot;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.groutines.RequiredJdk;
import io.groutines.boot.autoconfigure.GroutinesAutoConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of the starter is a Java 17 class file (major version 61): Spring Boot loads its post-processor,
 * conditions and failure analyzers, and Micrometer its context accessor, in any application that contains it, on
 * whatever JDK that application runs; so does the runtime's JDK check they ask first. A build that compiled one of
 * them for a newer Java fails here (the JDK 17 application test then shows what a user would see).
 */
class Java17ClassFilesTests {

    private static final int JAVA_17 = 61;

    @Test
    void theStartersClassesAreJava17ClassFiles() throws Exception {
        Path classes = Path.of(GroutinesAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(majorVersion(in)).as(classes.relativize(file).toString()).isEqualTo(JAVA_17);
            }
        }
    }

    @Test
    void theRuntimesJdkCheckIsAJava17ClassFile() throws IOException, URISyntaxException {
        try (InputStream in = RequiredJdk.class.getResourceAsStream("RequiredJdk.class")) {
            assertThat(majorVersion(in)).isEqualTo(JAVA_17);
        }
    }

    private static int majorVersion(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
        data.readUnsignedShort();
        return data.readUnsignedShort();
    }
}
