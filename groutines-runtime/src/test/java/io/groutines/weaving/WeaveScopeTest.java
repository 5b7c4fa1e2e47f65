package io.groutines.weaving;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope's three entry forms, what is never woven, and the weaver configuration it writes. No agent here. */
class WeaveScopeTest {

    static {
        WeaveScope.include("com.example..*, org.lib.*", "org.springframework.http.ResponseEntity");
        WeaveScope.includeTargets(List.of("org.other.Outer.Inner.run(java.lang.String)"));
    }

    @Test
    void packagesWithAndWithoutSubpackages() {
        assertThat(WeaveScope.contains("com.example.Foo")).isTrue();
        assertThat(WeaveScope.contains("com.example.deep.Foo$Bar")).isTrue();
        assertThat(WeaveScope.contains("com.examples.Foo")).isFalse();
        assertThat(WeaveScope.contains("org.lib.Foo")).isTrue();
        assertThat(WeaveScope.contains("org.lib.Foo$Nested")).isTrue();
        assertThat(WeaveScope.contains("org.lib.sub.Foo")).isFalse();
    }

    @Test
    void classesWithTheirNestedClasses() {
        assertThat(WeaveScope.contains("org.springframework.http.ResponseEntity")).isTrue();
        assertThat(WeaveScope.contains("org.springframework.http.ResponseEntity$Builder")).isTrue();
        assertThat(WeaveScope.contains("org.springframework.http.ResponseEntityX")).isFalse();
        assertThat(WeaveScope.contains("org.other.Outer$Inner")).isTrue();
        assertThat(WeaveScope.declaredTargets()).containsExactly("org.other.Outer.Inner.run(java.lang.String)");
    }

    @Test
    void theRuntimeTheWeaverAndTheJdkAreNeverWoven() {
        WeaveScope.include("io.groutines..*", "java..*");
        assertThat(WeaveScope.contains("io.groutines.Hub")).isFalse();
        assertThat(WeaveScope.contains("io.groutines.Hub$Binding")).isFalse();
        assertThat(WeaveScope.contains("io.groutines.internal.Scope")).isFalse();
        assertThat(WeaveScope.contains("io.groutines.weaving.Agent")).isFalse();
        assertThat(WeaveScope.contains("java.lang.String")).isFalse();
        // the runtime's own tests' fixtures live in subpackages of io.groutines.weaving, which may be woven
        assertThat(WeaveScope.contains("io.groutines.weaving.sample.Greeter")).isTrue();
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> WeaveScope.include("com.example.**"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'com.example.**' is not a class name, package.* or package..*");
        assertThatThrownBy(() -> WeaveScope.include("com.example..* || org.x..*"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWeaverConfiguration() {
        String xml = WeaveScope.aopXml(false);
        assertThat(xml)
                .contains("<include within=\"com.example..*\"/>")
                .contains("<include within=\"org.springframework.http.ResponseEntity\"/>")
                .contains("<include within=\"org.springframework.http.ResponseEntity..*\"/>")
                .contains("<include within=\"org.other.Outer.Inner\"/>")
                .contains("<exclude within=\"io.groutines.internal..*\"/>")
                .contains("<aspect name=\"io.groutines.weaving.WovenCalls\"/>")
                .contains("-warn:none");
        assertThat(WeaveScope.aopXml(true)).contains("-showWeaveInfo");
    }

    @Test
    void theClassOfATargetPath() {
        assertThat(WeaveScope.classOf("org.example.Foo.bar(java.lang.String,int)")).isEqualTo("org.example.Foo");
        assertThat(WeaveScope.classOf("org.example.Foo.<init>")).isEqualTo("org.example.Foo");
        assertThatThrownBy(() -> WeaveScope.classOf("bar")).isInstanceOf(IllegalArgumentException.class);
    }
}
