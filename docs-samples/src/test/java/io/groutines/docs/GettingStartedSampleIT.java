package io.groutines.docs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Spring Boot application built from the snippets of {@code docs/getting-started.md} marked
 * {@code <!-- paste: NAME -->}, as pasted: its {@code pom.xml} gets the properties and dependencies of
 * {@code pom-dependencies} and the plugins of {@code pom-build}, its test resources the {@code application-yaml}. Its
 * Maven build runs its tests — which check that the agent wove the application and a groutine answers — on Boot 4.0
 * and 4.1, without JaCoCo and with JaCoCo's agent before ours.
 *
 * <p>The nested build resolves groutines from a repository of this build's own artifacts, chained after the local
 * repository ({@code maven.repo.local.tail}, read only): nothing is installed into the shared local repository.
 */
class GettingStartedSampleIT {

    private static final Pattern SNIPPET = Pattern.compile("<!-- paste: ([a-z-]+) -->\\s*```(\\w+)\\n(.*?)```",
            Pattern.DOTALL);

    private static final Path ROOT = Paths.get(System.getProperty("sample.root")).toAbsolutePath().normalize();

    private static final Path WORK = Paths.get(System.getProperty("sample.work")).toAbsolutePath();

    private static final String VERSION = System.getProperty("sample.groutines.version");

    private static Map<String, String> snippets;

    private static Path artifacts;

    static Stream<Arguments> builds() {
        List<Arguments> builds = new ArrayList<>();
        for (String boot : System.getProperty("sample.boot.versions").split(",")) {
            builds.add(Arguments.of(boot, false));
            builds.add(Arguments.of(boot, true));
        }
        return builds.stream();
    }

    @BeforeAll
    static void snippetsAndArtifacts() throws IOException {
        snippets = snippets(Files.readString(ROOT.resolve("docs/getting-started.md")));
        assertThat(snippets).containsOnlyKeys("pom-dependencies", "pom-build", "application-yaml");
        Path local = Paths.get(System.getProperty("sample.localRepository"));
        Path shadow = local.resolve("io/groutines/groutines-runtime/" + VERSION);
        assertThat(shadow).as("groutines %s in the local repository would shadow the artifacts of this build: remove %s",
                VERSION, shadow).doesNotExist();
        artifacts = WORK.resolve("repository");
        Path base = artifacts.resolve("io/groutines");
        copy(ROOT.resolve("pom.xml"), base.resolve("groutines-parent/" + VERSION + "/groutines-parent-" + VERSION + ".pom"));
        for (String module : List.of("groutines-runtime", "groutines-spring-boot-starter")) {
            Path dir = base.resolve(module + "/" + VERSION);
            copy(ROOT.resolve(module + "/pom.xml"), dir.resolve(module + "-" + VERSION + ".pom"));
            copy(ROOT.resolve(module + "/target/" + module + "-" + VERSION + ".jar"), dir.resolve(module + "-" + VERSION + ".jar"));
        }
        copy(ROOT.resolve("groutines-runtime/target/groutines-runtime-" + VERSION + "-agent.jar"),
                base.resolve("groutines-runtime/" + VERSION + "/groutines-runtime-" + VERSION + "-agent.jar"));
    }

    @ParameterizedTest(name = "Spring Boot {0}, JaCoCo {1}")
    @MethodSource("builds")
    void theSnippetsBuildAndRunAsPasted(String boot, boolean jacoco) throws Exception {
        Path sample = WORK.resolve("boot-" + boot + (jacoco ? "-jacoco" : ""));
        generate(sample, boot, jacoco);
        Path log = sample.resolve("build.log");
        ProcessBuilder maven = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("sample.localRepository"),
                "-Dmaven.repo.local.tail=" + artifacts, "-Dmaven.repo.local.tail.ignoreAvailability=true", "test")
                .directory(sample.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // the JDK this test runs on (25 or newer) builds and tests the sample; Maven itself, short-lived, on C1 only
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        maven.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        Process build = maven.start();
        assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("the sample's build finished").isTrue();
        String output = Files.readString(log);
        assertThat(build.exitValue()).as("the sample's build (%s), ending:%n%s", log,
                output.substring(Math.max(0, output.length() - 4000))).isZero();
        assertThat(output).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(sample.resolve("target/agent/groutines-agent.jar")).exists();
        if (jacoco) {
            assertThat(sample.resolve("target/jacoco.exec")).as("JaCoCo's agent ran too").exists();
        }
    }

    /** The snippets marked for pasting, by name. */
    static Map<String, String> snippets(String markdown) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(markdown);
        while (m.find()) {
            found.put(m.group(1), m.group(3));
        }
        return found;
    }

    private static void generate(Path sample, String boot, boolean jacoco) throws Exception {
        Path template = Paths.get(GettingStartedSampleIT.class.getResource("/sample").toURI());
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, sample.resolve(template.relativize(file).toString()));
            }
        }
        String plugins = jacoco ? "<plugin><groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId>"
                + "<version>" + System.getProperty("sample.jacoco.version") + "</version><executions><execution>"
                + "<goals><goal>prepare-agent</goal></goals></execution></executions></plugin>" : "";
        Path pom = sample.resolve("pom.xml");
        Document document = parse(Files.readString(pom).replace("@boot.version@", boot).replace("@jacoco@", plugins));
        Element project = document.getDocumentElement();
        // pasted as written: the properties and dependencies, then the build's plugins after the application's own
        Document dependencies = parse("<snippet>" + snippets.get("pom-dependencies") + "</snippet>");
        appendChildren(document, dependencies, "properties", child(project, "properties"));
        appendChildren(document, dependencies, "dependencies", child(project, "dependencies"));
        Document build = parse(snippets.get("pom-build"));
        appendChildren(document, build, "plugins", child(child(project, "build"), "plugins"));
        StringWriter xml = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.transform(new DOMSource(document), new StreamResult(xml));
        Files.writeString(pom, xml.toString());
        Path yaml = sample.resolve("src/test/resources/application.yaml");
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, snippets.get("application-yaml"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /** Appends the children of every {@code <name>} element of a snippet (its comments too) to the target. */
    private static void appendChildren(Document document, Document snippet, String name, Element target) {
        var sources = snippet.getElementsByTagName(name);
        assertThat(sources.getLength()).as("<%s> in the snippet", name).isPositive();
        for (int i = 0; i < sources.getLength(); i++) {
            for (Node n = sources.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                target.appendChild(document.importNode(n, true));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
