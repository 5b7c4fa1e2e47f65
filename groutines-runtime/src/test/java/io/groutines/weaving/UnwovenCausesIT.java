package io.groutines.weaving;

import io.groutines.FunctionCall;
import io.groutines.TargetException;

import org.apache.commons.lang3.CharUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A class in the weave scope that is not woven, in a JVM with the agent (same setup as {@link WovenCallsIT}): a target
 * on it names the cause, who loaded the class, and the fix that works in this launch.
 */
class UnwovenCausesIT {

    /** Defines classes from the bytes it is given, seeing nothing but the JDK: not the groutines aspects. */
    static final class Isolating extends URLClassLoader {
        Isolating() {
            super("isolating", new URL[0], ClassLoader.getPlatformClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Test
    void aClassOfAClassLoaderThatCannotSeeTheAspects() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("sample/Isolated.class")) {
            bytes = in.readAllBytes();
        }
        Isolating loader = new Isolating();
        Class<?> isolated = loader.define("io.groutines.weaving.sample.Isolated", bytes);
        assertThat(Weaving.status(isolated)).isEqualTo(Weaving.Status.NOT_WOVEN);
        assertThatThrownBy(() -> FunctionCall.of(isolated, "run"))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("io.groutines.weaving.sample.Isolated was loaded by "
                        + "io.groutines.weaving.UnwovenCausesIT$Isolating "
                        + "'isolating'@")
                .hasMessageContaining(", a class loader the weaver does not serve: it cannot see the groutines aspects "
                        + "(io.groutines.weaving.WovenCalls), so it is not woven — target "
                        + "io.groutines.weaving.sample.Isolated.run. Fix: target a method of a class that calls it from a "
                        + "class loader the weaver serves");
    }

    @Test
    void aClassLoadedBeforeThisTestsContextAddedItToTheScope() {
        assertThat(CharUtils.toChar("x")).isEqualTo('x'); // loaded now, outside the scope
        String target = "org.apache.commons.lang3.CharUtils.toChar(java.lang.String)";
        // what the Spring Boot starter does when a test's application context with groutines on starts
        Weaving.widen(WeaveScope.empty().withTargets(List.of(target)), getClass().getClassLoader());
        assertThat(Weaving.status(CharUtils.class)).isEqualTo(Weaving.Status.LOADED_BEFORE_WEAVER);
        assertThatThrownBy(() -> FunctionCall.of(target))
                .isInstanceOf(TargetException.class)
                .hasMessage("org.apache.commons.lang3.CharUtils was loaded by the system class loader (the class path) "
                        + "before this test's application context said what to weave (an earlier test, another "
                        + "application context or the test engine's discovery loaded it), and it was not in the weave "
                        + "scope then, so it is not woven — target " + target + ". Fix: name it in the test JVM's "
                        + "arguments, -Dgroutines.weave.include=org.apache.commons.lang3.CharUtils (e.g. in surefire's "
                        + "argLine), so that it is woven however early it loads");
    }
}
