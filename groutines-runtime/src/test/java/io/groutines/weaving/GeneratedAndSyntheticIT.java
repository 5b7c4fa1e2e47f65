package io.groutines.weaving;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.sample.Greeter;
import io.groutines.weaving.sample.Ranked;

/**
 * What the weaver leaves alone although it is in the scope: synthetic methods (bridges, lambda bodies) and classes
 * generated at run time under a proxy's name. Same JVM setup as {@link WovenCallsIT}.
 */
class GeneratedAndSyntheticIT {

    @Test
    void syntheticMethodsAreNotWoven() {
        assertThat(Weaving.status(Ranked.class)).isEqualTo(Weaving.Status.WOVEN);
        // the weaver moves the body of each method it weaves: AspectJ's into NAME_aroundBodyN, the direct weaver
        // (unless -Dgroutines.weave.direct=false) into NAME$original
        String moved = Boolean.parseBoolean(System.getProperty("groutines.weave.direct", "true")) ? "$original"
                : "_aroundBody";
        assertThat(Arrays.stream(Ranked.class.getDeclaredMethods()).map(Method::getName))
                .filteredOn(name -> name.contains(moved))
                .isNotEmpty()
                .allMatch(name -> name.startsWith("compareTo" + moved) || name.startsWith("doubled" + moved))
                .noneMatch(name -> name.startsWith("lambda$"));
        assertThat(Arrays.stream(Ranked.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("compareTo" + moved))
                .map(m -> m.getParameterTypes()[1]))
                .as("only compareTo(Ranked), not its bridge compareTo(Object)")
                .isNotEmpty()
                .allMatch(type -> type == Ranked.class);
    }

    @Test
    void aCallThroughABridgeIsOneCall() {
        AtomicInteger exits = new AtomicInteger();
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Comparable<Object> one = (Comparable) new Ranked(1);
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                while (true) {
                    FunctionCall.of(Ranked.class.getName() + ".compareTo(" + Ranked.class.getName() + ")").await(Phase.EXIT);
                    exits.incrementAndGet();
                }
            });
            assertThat(one.compareTo(new Ranked(2))).isNegative();
            assertThat(one.compareTo(new Ranked(0))).isPositive();
        }
        assertThat(exits).hasValue(2);
    }

    @Test
    void aGeneratedSubclassInTheScopeIsNotWovenAndItsCallsAreOneCallEach() throws Exception {
        Class<?> proxy = proxyOf(Greeter.class, "Greeter$$Proxied$$0");
        assertThat(proxy.getName()).isEqualTo("io.groutines.weaving.sample.Greeter$$Proxied$$0");
        assertThat(Weaving.status(proxy)).isEqualTo(Weaving.Status.OUTSIDE_SCOPE);
        assertThat(Arrays.stream(proxy.getDeclaredFields()).map(f -> f.getName()))
                .noneMatch(name -> name.startsWith("ajc$") || name.equals(WovenCode.MARKER));

        Greeter greeter = (Greeter) proxy.getDeclaredConstructor().newInstance();
        AtomicInteger exits = new AtomicInteger();
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> {
                while (true) {
                    FunctionCall.of(Greeter.class, "greet").await(Phase.EXIT);
                    exits.incrementAndGet();
                }
            });
            assertThat(greeter.greet("Ann")).isEqualTo("Hello, Ann");
            assertThat(greeter.greet("Bob")).isEqualTo("Hello, Bob");
        }
        assertThat(exits).hasValue(2);
    }

    /** A subclass that overrides greet(String) to call super, as a CGLIB proxy does, defined at run time. */
    private static Class<?> proxyOf(Class<?> type, String simpleName) throws IllegalAccessException {
        ClassDesc self = ClassDesc.of(type.getPackageName() + "." + simpleName);
        ClassDesc parent = ClassDesc.of(type.getName());
        MethodTypeDesc greet = MethodTypeDesc.of(CD_String, CD_String);
        byte[] bytes = ClassFile.of().build(self, clazz -> clazz
                .withSuperclass(parent)
                .withFlags(ClassFile.ACC_PUBLIC)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(parent, INIT_NAME, MTD_void).return_())
                .withMethodBody("greet", greet, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).aload(1).invokespecial(parent, "greet", greet).areturn()));
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).defineClass(bytes);
    }
}
