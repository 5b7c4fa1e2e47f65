package io.groutines.demo.devtools;

import io.groutines.demo.DemoProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inner loop with Spring Boot DevTools, as a developer lives it: the demo runs from its classes with the agent,
 * as {@code mvn spring-boot:run} or an IDE runs it; a groutine is added, changed, and pointed at a library method
 * while it runs, and DevTools restarts it in the same JVM each time (its restart class loader, on a trigger file, as
 * an IDE's build does). The class files are compiled by the test into a copy of the demo's classes.
 *
 * <p>What a restart can change: the groutines and the application's classes, which are loaded and woven again. What
 * it cannot: the libraries, loaded once per JVM — a groutine on a library method that is already loaded sees the
 * calls the application's classes make to it (their call sites are woven), and says that the rest needs a JVM
 * restart; a library constructor gets the precise refusal. And the restarts release their weavers.
 */
class DevToolsRestartIT {

    private static final Path CLASSES = Path.of(System.getProperty("demo.classes"));

    private static final Path AGENT = Path.of(System.getProperty("groutines.agent"));

    private static final String STARTED = DemoProcess.STARTED;

    private static final String STARTING = "Starting SnippetsApplication";

    private static final String TRIGGER = ".restart";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoProcess app;

    private Path classes;

    private int edits;

    @AfterEach
    void stop() throws Exception {
        if (this.app != null) {
            this.app.close();
        }
    }

    @Test
    void groutinesChangedWhileTheApplicationRunsAreTakenUpAtEachRestart(@TempDir Path dir) throws Exception {
        // the application's classes where a build tool puts them, so that the production guard sees a development run
        this.classes = dir.resolve("demo/target/classes");
        copy(CLASSES, this.classes);
        Files.writeString(this.classes.resolve(TRIGGER), "0");
        int port = start(dir);

        // the demo as built; the login page loads Spring's HtmlUtils, a POST the JSON nodes: library classes, unwoven
        assertThat(loginPage(port)).contains("<h1>Snippets API</h1>").contains("action=\"/api-auth/login/\"");
        assertThat(post(port, "{\"title\":\"aaa\",\"code\":\"bbb\"}").statusCode()).isEqualTo(201);

        // a new groutine, switched on in a profile's configuration
        compile("InnerLoop", probe("v1", ""));
        Files.writeString(this.classes.resolve("application-inner-loop.yaml"),
                "groutines:\n  active: start_view, check_permissions, fill_user, inner_loop\n");
        port = restart();
        assertThat(loginPage(port)).contains("<h1>Inner loop v1</h1>");

        // the same groutine, changed
        compile("InnerLoop", probe("v2", ""));
        port = restart();
        assertThat(loginPage(port)).contains("<h1>Inner loop v2</h1>").doesNotContain("v1");

        // a trigger on a library method that the first run loaded: seen where the application's classes call it
        compile("InnerLoop", probe("v3", """
                    @Groutine(call = "org.springframework.web.util.HtmlUtils.htmlEscape(java.lang.String)",
                            phase = Phase.EXIT, loop = true)
                    void shout(Call call) {
                        call.replaceResult(((String) call.returnValue()).toUpperCase());
                    }
                """));
        port = restart();
        assertThat(loginPage(port)).contains("<h1>Inner loop v3</h1>").contains("action=\"/API-AUTH/LOGIN/\"");
        assertThat(output()).contains("WARN").contains("Target org.springframework.web.util.HtmlUtils.htmlEscape("
                + "java.lang.String): org.springframework.web.util.HtmlUtils was loaded by the system class loader "
                + "(the class path) during an earlier run of the application in this JVM, which has been restarted in "
                + "the same JVM since (a Spring Boot DevTools restart)")
                .contains("Groutines see the calls to it that the classes loaded since make: their call sites are woven. "
                        + "They do not see the calls made from inside libraries, or from classes loaded before; for "
                        + "those, restart the JVM (stop the application and start it again): DevTools restarts only "
                        + "your classes");

        // restarts do not keep the weavers of the runs before: the system class loader's, the current run's, and
        // the current run's call-site weaver, each with its world of types; the restart class loaders of the runs
        // before are kept a while by Spring Data's type caches, with or without groutines (docs/performance.md)
        for (int i = 0; i < 6; i++) {
            port = restart();
        }
        assertThat(loginPage(port)).contains("<h1>Inner loop v3</h1>").contains("action=\"/API-AUTH/LOGIN/\"");
        assertThat(live("org.aspectj.weaver.ltw.LTWWorld")).as("AspectJ worlds alive after restarts")
                .isLessThanOrEqualTo(3);

        // a library constructor cannot be seen at all without a JVM restart: the restart stops with the reason
        compile("InnerLoop", probe("v4", """
                    @Groutine(call = "org.springframework.http.HttpHeaders.<init>()", phase = Phase.EXIT)
                    void headers(Call call) {
                    }
                """));
        String failure = restartFails();
        assertThat(failure).contains("Target:  org.springframework.http.HttpHeaders.<init>()")
                .contains("Problem: org.springframework.http.HttpHeaders was loaded by the system class loader (the "
                        + "class path) during an earlier run of the application in this JVM")
                .contains("Fix: restart the JVM (stop the application and start it again): DevTools "
                        + "restarts only your classes.");
    }

    /** The groutine class the developer edits: a version, and more methods. */
    private static String probe(String version, String more) {
        return """
                package io.groutines.demo.groutines;

                import io.groutines.Call;
                import io.groutines.Groutine;
                import io.groutines.Groutines;
                import io.groutines.Phase;

                @Groutines("inner_loop")
                public class InnerLoop {

                    @Groutine(call = "io.groutines.demo.security.LoginPage.html", phase = Phase.EXIT, loop = true)
                    void title(Call call) {
                        call.replaceResult(((String) call.returnValue()).replace("<h1>Snippets API</h1>",
                                "<h1>Inner loop %s</h1>"));
                    }
                %s
                }
                """.formatted(version, more);
    }

    // ---- the application ----------------------------------------------------------------------------------------

    private int start(Path dir) throws Exception {
        List<String> libraries = Files.readAllLines(Path.of(System.getProperty("demo.classpath")));
        String classPath = this.classes + java.io.File.pathSeparator + String.join(java.io.File.pathSeparator, libraries);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + AGENT, "-cp", classPath, "io.groutines.demo.SnippetsApplication",
                "--spring.profiles.active=demo,inner-loop", "--server.port=0", "--server.address=127.0.0.1",
                "--spring.devtools.restart.trigger-file=" + TRIGGER, "--spring.devtools.restart.poll-interval=200ms",
                "--spring.devtools.restart.quiet-period=100ms", "--spring.devtools.livereload.enabled=false",
                "--spring.devtools.restart.log-condition-evaluation-delta=false"));
        this.app = DemoProcess.launch(command, dir, dir.resolve("demo.log"));
        return this.app.awaitStarted(0);
    }

    /** Touches the trigger file, as an IDE's build does after compiling, and waits for the restarted application. */
    private int restart() throws Exception {
        int before = count(output(), STARTED);
        trigger();
        return this.app.awaitStarted(before);
    }

    /**
     * Edits a file and touches the trigger file until the application begins to restart: DevTools' file watcher
     * belongs to the application context, and one that is still starting takes a change made meanwhile for its first
     * state.
     */
    private void trigger() throws Exception {
        int before = count(output(), STARTING);
        for (int attempt = 0; attempt < 20; attempt++) {
            // DevTools restarts when the trigger changes and something else in the classes did: an edit
            Files.writeString(this.classes.resolve("edit.txt"), String.valueOf(++this.edits));
            Files.writeString(this.classes.resolve(TRIGGER), String.valueOf(this.edits));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (count(output(), STARTING) > before) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("DevTools did not restart the demo:\n" + tail() + "\n" + jcmd("Thread.print"));
    }

    private String restartFails() throws Exception {
        String marker = "APPLICATION FAILED TO START";
        int before = count(output(), marker);
        trigger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String out = output();
            if (count(out, marker) > before) {
                Thread.sleep(500); // the rest of the report
                out = output();
                return out.substring(out.lastIndexOf(marker));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the restart did not fail within 90 s:\n" + tail());
    }

    /** Instances of a class after a full GC (jcmd's class histogram collects first). */
    private long live(String type) throws Exception {
        String histogram = jcmd("GC.class_histogram");
        Matcher line = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(type) + "\\s")
                .matcher(histogram);
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(this.app.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private String loginPage(int port) throws Exception {
        HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api-auth/login/")).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> post(int port, String json) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/snippets/"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String output() throws IOException {
        return this.app.output();
    }

    private String tail() throws IOException {
        return this.app.tail();
    }

    private static int count(String text, String part) {
        return DemoProcess.count(text, part);
    }

    // ---- the developer's build ----------------------------------------------------------------------------------

    /** Compiles one class of io.groutines.demo.groutines into the application's classes, as an IDE does. */
    private void compile(String simpleName, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///io/groutines/demo/groutines/" + simpleName
                + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        String classPath = this.classes + java.io.File.pathSeparator
                + String.join(java.io.File.pathSeparator, Files.readAllLines(Path.of(System.getProperty("demo.classpath"))));
        StringBuilder errors = new StringBuilder();
        boolean ok = javac.getTask(null, null, d -> errors.append(d).append('\n'),
                List.of("-classpath", classPath, "-d", this.classes.toString(), "-parameters", "-proc:none"), null,
                List.of(file)).call();
        assertThat(ok).as(errors.toString()).isTrue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    }
                    else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
