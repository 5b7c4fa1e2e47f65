package io.groutines.weaving;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a target whose class is in the scope but not woven is told, cause by cause: the cause, who loaded the class
 * and when, and the one fix that works in that launch. No agent here: the moments are made by hand; the ITs
 * ({@code SelfAttachIT}, {@code UnwovenCausesIT}, {@code restart.RestartIT}) see the same messages from real ones.
 */
class ReachMessagesTest {

    private static final String NAME = "org.example.Lib";

    private static final String BY = "the system class loader (the class path)";

    private static final ClassLoader APP = ReachMessagesTest.class.getClassLoader();

    private static final ClassLoader RESTARTED = new URLClassLoader(new URL[0], APP);

    private static Timeline.Moment moment(Timeline.Kind kind, int index, boolean restart, ClassLoader application) {
        return new Timeline.Moment(kind, index, restart, new WeakReference<>(application), WeaveScope.empty(), false);
    }

    @Test
    void loadedAtJvmStartBeforeTheAgent() {
        Timeline.Moment start = moment(Timeline.Kind.JVM_START, 0, false, null);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, start, moment(Timeline.Kind.RUN, 1, false, APP), false);
        assertThat(why.cause()).isEqualTo(NAME + " was loaded at JVM start by " + BY + ", before the groutines agent "
                + "started (another -javaagent loaded it, or the JVM took it from an AOT or CDS archive), so it is not "
                + "woven");
        assertThat(why.fix()).isEqualTo("list -javaagent:groutines-runtime-<version>-agent.jar before the other "
                + "-javaagent options (and make an AOT or CDS archive with the agent on), so that the weaver starts "
                + "before they load classes, and restart the JVM");
    }

    @Test
    void loadedBeforeASelfAttachedWeaver() {
        Timeline.Moment attach = moment(Timeline.Kind.ATTACH, 0, false, null);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, attach, attach, false);
        assertThat(why.cause()).contains("before the weaver was attached to the running JVM (it was started without "
                + "-javaagent)");
        assertThat(why.fix()).startsWith("start the JVM with -javaagent:");
    }

    @Test
    void loadedBeforeTheApplicationDecided() {
        Timeline.Moment run = moment(Timeline.Kind.RUN, 1, false, APP);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, run, run, false);
        assertThat(why.cause()).isEqualTo(NAME + " was loaded by " + BY + " before the application said what to "
                + "weave (Spring Boot loads some classes before it reads the groutines properties), and the scope "
                + "the agent started with did not include it, so it is not woven");
        assertThat(why.fix()).isEqualTo("name it on the command line, -Dgroutines.weave.include=" + NAME + ", so "
                + "that it is woven however early it loads, and restart the JVM");
    }

    @Test
    void loadedBeforeThisTestsContextDecided() {
        Timeline.Moment context = moment(Timeline.Kind.TEST_CONTEXT, 2, false, APP);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, moment(Timeline.Kind.TEST_CONTEXT, 1, false, APP), context,
                false);
        assertThat(why.cause()).contains("before this test's application context said what to weave (an earlier "
                + "test, another application context or the test engine's discovery loaded it)");
        assertThat(why.fix()).isEqualTo("name it in the test JVM's arguments, -Dgroutines.weave.include=" + NAME
                + " (e.g. in surefire's argLine), so that it is woven however early it loads");
    }

    @Test
    void loadedDuringAnEarlierRunBeforeARestart() {
        Timeline.Moment restart = moment(Timeline.Kind.RUN, 2, true, RESTARTED);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, restart, restart, true);
        assertThat(why.cause()).isEqualTo(NAME + " was loaded by " + BY + " during an earlier run of the application "
                + "in this JVM, which has been restarted in the same JVM since (a Spring Boot DevTools restart); a "
                + "restart reloads only the application's own classes, and a loaded class cannot be woven any more, "
                + "so it is not woven");
        assertThat(why.fix()).isEqualTo("restart the JVM (stop the application and start it again): DevTools "
                + "restarts only your classes");
    }

    @Test
    void loadedWhileARestartedRunStarted() {
        Timeline.Moment restart = moment(Timeline.Kind.RUN, 2, true, RESTARTED);
        Reach.Unwoven why = Reach.loadedTooEarly(NAME, BY, restart, restart, false);
        assertThat(why.cause()).contains("while this run of the application started, before it said what to weave");
        assertThat(why.fix()).contains("DevTools restarts only your classes");
    }

    @Test
    void aClassLoaderThatCannotSeeTheAspects() {
        ClassLoader isolated = new URLClassLoader("isolated", new URL[0], ClassLoader.getPlatformClassLoader());
        assertThat(Reach.notServed(isolated)).hasValue("it cannot see the groutines aspects "
                + "(io.groutines.weaving.WovenCalls)");
        assertThat(Reach.notServed(APP)).isEmpty();
        String by = Reach.describe(isolated);
        assertThat(by).matches("java\\.net\\.URLClassLoader 'isolated'@[0-9a-f]+");
        Reach.Unwoven why = Reach.notServed(NAME, by, Reach.notServed(isolated).get(), Reach.notServedFix(isolated));
        assertThat(why.cause()).isEqualTo(NAME + " was loaded by " + by + ", a class loader the weaver does not serve: "
                + "it cannot see the groutines aspects (io.groutines.weaving.WovenCalls), so it is not woven");
        assertThat(why.fix()).startsWith("target a method of a class that calls it from a class loader the weaver serves");
    }

    @Test
    void aClassLoaderTheWeaverIsToldToSkip() {
        ClassLoader skipped = new Skipped();
        String before = System.getProperty(Agent.SKIP_PROPERTY);
        System.setProperty(Agent.SKIP_PROPERTY, "jdk.internal.loader.ClassLoaders$PlatformClassLoader,"
                + Skipped.class.getName());
        try {
            assertThat(Reach.notServed(skipped)).hasValue("its class, " + Skipped.class.getName()
                    + ", is listed in -Daj.weaving.loadersToSkip");
            assertThat(Reach.notServedFix(skipped)).isEqualTo("remove " + Skipped.class.getName()
                    + " from -Daj.weaving.loadersToSkip, and restart the JVM");
        }
        finally {
            if (before == null) {
                System.clearProperty(Agent.SKIP_PROPERTY);
            }
            else {
                System.setProperty(Agent.SKIP_PROPERTY, before);
            }
        }
    }

    @Test
    void aClassTheWeaverFailedOn() {
        Reach.Unwoven why = Reach.failed(NAME, BY, "java.lang.IllegalStateException: broken");
        assertThat(why.cause()).isEqualTo("the weaver failed on " + NAME + " when " + BY + " loaded it "
                + "(java.lang.IllegalStateException: broken; a WARN of io.groutines.weaving said so then), so it "
                + "runs unwoven");
        assertThat(why.fix()).isEqualTo("target a method of a class that calls it; -Dgroutines.weave.verbose=true "
                + "prints everything the weaver says about it");
    }

    @Test
    void classLoadersAreNamedAsTheJdkNamesThem() {
        assertThat(Reach.describe(null)).isEqualTo("the JDK's boot class loader");
        assertThat(Reach.describe(ClassLoader.getPlatformClassLoader())).isEqualTo("the JDK's platform class loader");
        assertThat(Reach.describe(ClassLoader.getSystemClassLoader())).isEqualTo(BY);
    }

    private static final class Skipped extends ClassLoader {
        Skipped() {
            super(APP);
        }
    }
}
