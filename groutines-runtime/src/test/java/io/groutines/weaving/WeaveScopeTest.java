package io.groutines.weaving;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope's three entry forms, what is never woven, and the weaver configuration it writes. No agent here. */
class WeaveScopeTest {

    private final WeaveScope scope = WeaveScope.of(List.of("com.example..*, org.lib.*",
            "org.springframework.http.ResponseEntity"), List.of("com.example.secret..*"))
            .withTargets(List.of("org.other.Outer.Inner.run(java.lang.String)"));

    @Test
    void packagesWithAndWithoutSubpackages() {
        assertThat(scope.contains("com.example.Foo")).isTrue();
        assertThat(scope.contains("com.example.deep.Foo$Bar")).isTrue();
        assertThat(scope.contains("com.examples.Foo")).isFalse();
        assertThat(scope.contains("org.lib.Foo")).isTrue();
        assertThat(scope.contains("org.lib.Foo$Nested")).isTrue();
        assertThat(scope.contains("org.lib.sub.Foo")).isFalse();
    }

    @Test
    void classesWithTheirNestedClasses() {
        assertThat(scope.contains("org.springframework.http.ResponseEntity")).isTrue();
        assertThat(scope.contains("org.springframework.http.ResponseEntity$Builder")).isTrue();
        assertThat(scope.contains("org.springframework.http.ResponseEntityX")).isFalse();
        assertThat(scope.contains("org.other.Outer$Inner")).isTrue();
        assertThat(scope.targets()).containsExactly("org.other.Outer.Inner.run(java.lang.String)");
    }

    @Test
    void theRuntimeTheWeaverAndTheJdkAreNeverWoven() {
        WeaveScope scope = this.scope.withIncluded(List.of("io.groutines..*", "java..*"));
        assertThat(scope.contains("io.groutines.Hub")).isFalse();
        assertThat(scope.contains("io.groutines.Binding")).isFalse();
        assertThat(scope.contains("io.groutines.discovery.GroutineMethod")).isFalse();
        assertThat(scope.contains("io.groutines.weaving.Agent")).isFalse();
        assertThat(scope.contains("java.lang.String")).isFalse();
        // the runtime's own tests' fixtures live in subpackages of io.groutines.weaving, which may be woven
        assertThat(scope.contains("io.groutines.weaving.sample.Greeter")).isTrue();
    }

    @Test
    void theJdkIsKnownByItsModulesNotByAPackagePrefix() {
        WeaveScope scope = this.scope.withIncluded(List.of("javax..*", "com.sun..*", "jdk..*", "sun..*"));
        // libraries under javax.* and com.sun.*: JSR-107, JavaMoney, JSR-330, JNA
        assertThat(scope.contains("javax.cache.Caching")).isTrue();
        assertThat(scope.contains("javax.money.format.MonetaryFormats")).isTrue();
        assertThat(scope.contains("javax.inject.Provider")).isTrue();
        assertThat(scope.contains("com.sun.jna.Native")).isTrue();
        assertThat(WeaveScope.jdkModuleOf("javax.cache.Caching")).isEmpty();
        // the JDK's, whichever loader defines them: bootstrap, platform, application (jdk.compiler)
        assertThat(scope.contains("javax.net.ssl.SSLContext")).isFalse();
        assertThat(scope.contains("javax.sql.DataSource")).isFalse();
        assertThat(scope.contains("com.sun.tools.javac.api.JavacTool")).isFalse();
        assertThat(scope.contains("com.sun.net.httpserver.HttpServer")).isFalse();
        assertThat(scope.contains("jdk.jshell.JShell")).isFalse();
        assertThat(scope.contains("sun.nio.ch.FileChannelImpl")).isFalse();
        assertThat(WeaveScope.jdkModuleOf("javax.sql.DataSource")).contains("java.sql");
        assertThat(WeaveScope.jdkModuleOf("com.sun.tools.javac.api.JavacTool")).contains("jdk.compiler");
        assertThat(WeaveScope.jdkModuleOf("javax.net.ssl.SSLContext$Inner")).contains("java.base");
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> scope.withIncluded(List.of("com.example.**")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'com.example.**' is not a class name, package.* or package..*");
        assertThatThrownBy(() -> WeaveScope.parse("com.example..* || org.x..*"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exclusionsWinAndGeneratedClassesAreNeverWoven() {
        assertThat(scope.contains("com.example.secret.Key")).isFalse();
        assertThat(scope.contains("com.example.web.OrderController$$SpringCGLIB$$0")).isFalse();
        assertThat(scope.contains("com.example.web.OrderController$$EnhancerBySpringCGLIB$$12ab")).isFalse();
        assertThat(scope.contains("com.example.Order$HibernateProxy$Xyz")).isFalse();
        assertThat(scope.contains("com.example.Order$MockitoMock$123")).isFalse();
        assertThat(scope.contains("com.example.Order$ByteBuddy$abc")).isFalse();
        assertThat(scope.contains("com.example.$Proxy12")).isFalse();
        // nested and anonymous classes are the application's own
        assertThat(scope.contains("com.example.Order$Line")).isTrue();
        assertThat(scope.contains("com.example.Order$1")).isTrue();
        assertThat(scope.contains("com.example.web.OrderController")).isTrue();
    }

    @Test
    void aScopeIsAValue() {
        assertThat(scope.withIncluded(List.of("com.example..*"))).isEqualTo(scope);
        assertThat(WeaveScope.empty().isEmpty()).isTrue();
        assertThat(WeaveScope.empty().contains("com.example.Foo")).isFalse();
        assertThat(scope).hasToString("com.example..*, org.lib.*, org.springframework.http.ResponseEntity, "
                + "org.other.Outer.Inner except com.example.secret..*");
    }

    @Test
    void theWeaverConfigurationNamesTheAspectsAndWhatIsNeverWoven() {
        String xml = Agent.aopXml(false);
        assertThat(xml)
                .contains("<exclude within=\"io.groutines.discovery.*\"/>")
                .contains("<aspect name=\"io.groutines.weaving.WovenCalls\"/>")
                .contains("-warn:none")
                .contains("-XmessageHandlerClass:io.groutines.weaving.WeaverMessages ")
                .contains("<exclude within=\"*..*SpringCGLIB*\"/>")
                // AspectJ's own default leaves javax.* alone; the gate decides which javax classes are a library's
                .contains("-Xset:weaveJavaxPackages=true")
                .doesNotContain("\"javax..*\"", "\"com.sun..*\"");
        assertThat(Agent.aopXml(true)).contains("-showWeaveInfo");
    }

    @Test
    void theClassOfATargetPath() {
        assertThat(WeaveScope.classOf("org.example.Foo.bar(java.lang.String,int)")).isEqualTo("org.example.Foo");
        assertThat(WeaveScope.classOf("org.example.Foo.<init>")).isEqualTo("org.example.Foo");
        assertThatThrownBy(() -> WeaveScope.classOf("bar")).isInstanceOf(IllegalArgumentException.class);
    }
}
