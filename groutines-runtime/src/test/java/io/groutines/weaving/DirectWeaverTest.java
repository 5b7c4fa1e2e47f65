package io.groutines.weaving;

import io.groutines.Call;
import io.groutines.FunctionCall;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.weaving.direct.Base;
import io.groutines.weaving.direct.Level;
import io.groutines.weaving.direct.Named;
import io.groutines.weaving.direct.Part;
import io.groutines.weaving.direct.Shapes;
import io.groutines.weaving.direct.Ticket;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassTransform;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct weaver on the shapes of {@code io.groutines.weaving.direct}, woven here with no agent and defined by a
 * loader of their own: what reflection sees is what was compiled (plus the moved bodies and the mark), a dormant
 * call runs as written, and an armed one follows the interception protocol — in methods of classes, records, enums
 * and interfaces (default, static, private), at every primitive type, and in constructors.
 */
class DirectWeaverTest {

    private static final List<Class<?>> SHAPES = List.of(Shapes.class, Base.class, Part.class, Named.class, Level.class,
            Ticket.class);

    private final WovenLoader woven = new WovenLoader();

    @Test
    void reflectionSeesEveryMemberAsCompiledPlusTheMovedBodiesAndTheMark() throws Throwable {
        for (Class<?> plain : SHAPES) {
            Class<?> type = woven.load(plain);
            assertThat(type).isNotSameAs(plain);
            assertThat(Weaving.isWoven(type)).as(plain.getName()).isTrue();
            assertThat(members(type)).as(plain.getName()).isEqualTo(members(plain));
            assertThat(Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().endsWith(WovenCode.ORIGINAL)))
                    .as("moved bodies of " + plain.getName())
                    .allMatch(m -> Modifier.isPrivate(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                            && m.isSynthetic())
                    .hasSize((int) Arrays.stream(plain.getDeclaredMethods())
                            .filter(m -> !m.isSynthetic() && !Modifier.isAbstract(m.getModifiers())).count());
            Field mark = type.getDeclaredField(WovenCode.MARKER);
            assertThat(mark.isSynthetic()).isTrue();
            assertThat(Modifier.isStatic(mark.getModifiers())).isTrue();
        }
        Method sorted = woven.load(Shapes.class).getMethod("sorted", List.class);
        assertThat(sorted.toGenericString()).isEqualTo(Shapes.class.getMethod("sorted", List.class).toGenericString());
        assertThat(sorted.getAnnotation(Deprecated.class).since()).isEqualTo("test");
        assertThat(Modifier.isSynchronized(woven.load(Shapes.class).getMethod("add", int.class, long.class).getModifiers()))
                .isTrue();
    }

    @Test
    void aSerializableClassKeepsTheSerialVersionUidTheJvmComputesForIt() throws Throwable {
        Class<?> ticket = woven.load(Ticket.class);
        assertThat(Weaving.isWoven(ticket)).isTrue();
        assertThat(ObjectStreamClass.lookup(ticket).getSerialVersionUID())
                .isEqualTo(ObjectStreamClass.lookup(Ticket.class).getSerialVersionUID());
    }

    @Test
    void dormantCallsRunAsWritten() throws Throwable {
        Object shapes = construct(Shapes.class, new Class<?>[] { long.class }, 7L);
        assertThat(call(shapes, "add", 1, 2L)).isEqualTo(10L);
        assertThat(call(shapes, "mix", 1.5d, 2.5f, 'a', true, (byte) 3, (short) 4)).isEqualTo(1.5 + 2.5 + 'a' + 1 + 3 + 4);
        assertThat(call(null, "join", (Object) new String[] { "a", "b" })).isEqualTo("a+b");
        assertThat(call(shapes, "sorted", List.of(3, 1, 2))).isEqualTo(List.of(1, 2, 3));
        assertThatThrownBy(() -> call(shapes, "sorted", (Object) null)).isInstanceOf(IOException.class);
        assertThat(call(shapes, "callsHidden", 5)).isEqualTo(11);
        assertThat(call(shapes, "nine", 1, 2, 3, 4, 5, 6, 7, 8, 9)).isEqualTo("123456789");
        assertThat(call(shapes, "array", 3)).isEqualTo(new int[] { 0, 1, 2 });
        assertThat(call(shapes, "describe")).as("a super call in a moved body").isEqualTo("shapes over base");
        assertThat(call(shapes, "branches", -1)).isEqualTo("negative");
        assertThat(call(shapes, "branches", 0)).isEqualTo("zero");
        assertThat(call(shapes, "branches", 1)).isEqualTo("caught one");
        assertThat(call(shapes, "branches", 2)).isEqualTo("many");
        assertThat(call(call(shapes, "part"), "label")).isEqualTo("p7[]");
        assertThatThrownBy(() -> construct(Shapes.class, new Class<?>[] { String.class }, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refused x");
        Class<?> named = woven.load(Named.class);
        Object bob = named.getMethod("of", String.class).invoke(null, "bob");
        assertThat(named.getMethod("greeting", String.class).invoke(bob, "ann")).isEqualTo("hi ann, dear bob");
        Class<?> level = woven.load(Level.class);
        assertThat(level.getMethod("weight").invoke(level.getMethod("valueOf", String.class).invoke(null, "HIGH")))
                .isEqualTo(10);
    }

    @Test
    void armedCallsFollowTheProtocolAtEveryPrimitiveType() throws Throwable {
        Class<?> type = woven.load(Shapes.class);
        Object shapes = construct(Shapes.class, new Class<?>[] { long.class }, 7L);
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            FunctionCall add = FunctionCall.of(type, "add");
            FunctionCall mix = FunctionCall.of(type, "mix");
            hub.spawn(() -> {
                Call call = add.await(Phase.ENTER);
                seen.add(List.of(call.args()));
                call.setArg(0, 100);
                Call exit = add.await(Phase.EXIT);
                seen.add(exit.returnValue());
                exit.replaceResult(5L);
                Call mixed = mix.await(Phase.ENTER);
                mixed.setArg(2, 'b');
                mixed.setArg(3, false);
                Call mixedExit = mix.await(Phase.EXIT);
                seen.add(mixedExit.returnValue());
                mixedExit.replaceResult(-1.0);
            });
            assertThat(call(shapes, "add", 1, 2L)).isEqualTo(5L);
            assertThat(call(shapes, "mix", 1.5d, 2.5f, 'a', true, (byte) 3, (short) 4)).isEqualTo(-1.0);
            assertThat(call(shapes, "mix", 0d, 0f, 'a', true, (byte) 0, (short) 0)).isEqualTo((double) 'a' + 1);
        }
        assertThat(seen).containsExactly(List.of(1, 2L), 109L, 1.5 + 2.5 + 'b' + 3 + 4);
    }

    @Test
    void armedCallsOfInterfaceRecordAndPrivateMethodsAndWideOnesAreCalls() throws Throwable {
        Class<?> shapesType = woven.load(Shapes.class);
        Class<?> named = woven.load(Named.class);
        Class<?> part = woven.load(Part.class);
        Object shapes = construct(Shapes.class, new Class<?>[] { long.class }, 1L);
        Object bob = named.getMethod("of", String.class).invoke(null, "bob");
        try (Hub hub = Hub.open()) {
            hub.spawn(() -> FunctionCall.of(named, "polite").await(Phase.ENTER).setArg(0, "sir"));
            hub.spawn(() -> FunctionCall.of(named, "of").await(Phase.EXIT).replaceResult(bob));
            hub.spawn(() -> FunctionCall.of(part, "label").await(Phase.EXIT).replaceResult("relabelled"));
            hub.spawn(() -> FunctionCall.of(shapesType, "hidden").await(Phase.ENTER).replaceResult(100));
            hub.spawn(() -> FunctionCall.of(shapesType, "nine").await(Phase.ENTER).setArg(8, 0));
            hub.spawn(() -> {
                FunctionCall.of(shapesType, "nothing").await(Phase.ENTER);
                throw sneaky(new IOException("refused"));
            });
            assertThat(named.getMethod("greeting", String.class).invoke(bob, "ann")).isEqualTo("hi ann, dear sir");
            assertThat(named.getMethod("of", String.class).invoke(null, "someone else")).isSameAs(bob);
            assertThat(call(call(shapes, "part"), "label")).isEqualTo("relabelled");
            assertThat(call(shapes, "callsHidden", 5)).isEqualTo(101);
            assertThat(call(shapes, "nine", 1, 2, 3, 4, 5, 6, 7, 8, 9)).isEqualTo("123456780");
            assertThatThrownBy(() -> call(shapes, "nothing")).isInstanceOf(IOException.class).hasMessage("refused");
        }
    }

    @Test
    void aStackTraceShowsTheMethodAtTheLineOfItsFirstStatementAndItsBodyWhereItThrew() throws Throwable {
        Object shapes = construct(Shapes.class, new Class<?>[] { long.class }, 1L);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(shapes, "sorted", (Object) null));
        List<String> frames = Arrays.stream(thrown.getStackTrace()).limit(2).map(StackTraceElement::toString).toList();
        assertThat(frames.get(0)).matches("woven//io\\.groutines\\.weaving\\.direct\\.Shapes\\.sorted\\$original\\(Shapes\\.java:\\d+\\)");
        int threw = thrown.getStackTrace()[0].getLineNumber();
        assertThat(frames.get(1)).isEqualTo("woven//io.groutines.weaving.direct.Shapes.sorted(Shapes.java:" + (threw - 1) + ")");
    }

    /**
     * Threads that each make their own new objects and call them, each with a hub whose groutines change every call,
     * from the first calls on, when the woven class's constants are still being resolved by all of them at once.
     */
    @Test
    void manyThreadsEachWithItsOwnObjectsAndGroutinesSeeOnlyTheirOwnCalls() throws Throwable {
        Class<?> type = woven.load(Shapes.class);
        Constructor<?> make = type.getDeclaredConstructor(long.class);
        Method add = type.getMethod("add", int.class, long.class);
        int threads = 8;
        int rounds = 12_500;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t * 1_000_000L;
            Thread thread = new Thread(() -> {
                Object[] constructed = new Object[1];
                try (Hub hub = Hub.open("thread " + seed)) {
                    FunctionCall adding = FunctionCall.of(type, "add");
                    FunctionCall making = FunctionCall.of(type.getName() + ".<init>(long)", woven);
                    hub.spawn(() -> {
                        while (true) {
                            Call call = adding.await(Phase.ENTER);
                            call.setArg(0, (Integer) call.arg(0) * 2);
                        }
                    });
                    hub.spawn(() -> {
                        while (true) {
                            constructed[0] = making.await(Phase.EXIT).returnValue();
                        }
                    });
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        Object shapes = make.newInstance(seed + i);
                        assertThat(constructed[0]).isSameAs(shapes);
                        assertThat(add.invoke(shapes, i, 1L)).isEqualTo(seed + i + 2L * i + 1);
                    }
                }
                catch (Throwable ex) {
                    failures.add(ex);
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        // with no hub on this thread the same calls are plain again
        Object plain = make.newInstance(5L);
        assertThat(add.invoke(plain, 1, 1L)).isEqualTo(7L);
    }

    @Test
    void constructorsAreObservedAfterTheirSuperCallAndAtEitherEnd() throws Throwable {
        Class<?> type = woven.load(Shapes.class);
        List<Object> seen = new ArrayList<>();
        try (Hub hub = Hub.open()) {
            FunctionCall constructed = FunctionCall.of(type.getName() + ".<init>(long)", woven);
            FunctionCall refused = FunctionCall.of(type.getName() + ".<init>(java.lang.String)", woven);
            hub.spawn(() -> {
                Call enter = constructed.await(Phase.ENTER);
                seen.add(List.of(enter.args()));
                seen.add(enter.callable());
                seen.add(constructed.await(Phase.EXIT).returnValue());
                Call failed = refused.await(Phase.ENTER);
                seen.add(List.of(failed.args()));
                seen.add(refused.await(Phase.EXIT).thrown());
            });
            Object made = construct(Shapes.class, new Class<?>[] { long.class }, 3L);
            assertThat(call(made, "seed")).isEqualTo(3L);
            assertThatThrownBy(() -> construct(Shapes.class, new Class<?>[] { String.class }, "no"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("refused no");
        }
        assertThat(seen).hasSize(5);
        assertThat(seen.get(0)).isEqualTo(List.of(3L));
        assertThat(seen.get(1)).isEqualTo(type.getDeclaredConstructor(long.class));
        assertThat(seen.get(2)).isInstanceOf(type);
        assertThat(seen.get(3)).isEqualTo(List.of("no"));
        assertThat(seen.get(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatItDoesNotWeaveIsLeftToAspectJOrAsItIs() throws IOException {
        byte[] java8 = ClassFile.of().transformClass(ClassFile.of().parse(classFile(Shapes.class)),
                (ClassTransform) (b, e) -> {
                    if (e instanceof ClassFileVersion) {
                        b.withVersion(ClassFile.JAVA_8_VERSION, 0);
                    }
                    else {
                        b.with(e);
                    }
                });
        assertThat(DirectWeaver.weave(woven, java8)).as("a Java 8 class file: no dynamic constants").isNull();
        assertThat(DirectWeaver.weave(woven, new byte[] { 1, 2, 3 })).as("not a class file").isNull();

        byte[] once = DirectWeaver.weave(woven, classFile(Shapes.class)).bytes();
        assertThat(once).isNotEqualTo(classFile(Shapes.class));
        assertThat(DirectWeaver.weave(woven, once).bytes()).as("woven already").isSameAs(once);
        byte[] abstractOnly = classFile(Runnable.class);
        assertThat(DirectWeaver.weave(woven, abstractOnly).bytes()).as("nothing to weave").isSameAs(abstractOnly);
    }

    /** Name, modifiers, parameters and annotations of every member the compiler wrote. */
    private static Set<String> members(Class<?> type) {
        Function<Executable, String> shape = e -> Modifier.toString(e.getModifiers()) + " " + e.toGenericString() + " "
                + Arrays.toString(e.getAnnotations()) + " " + Arrays.stream(e.getParameters())
                        .map(p -> p.getName() + Arrays.toString(p.getAnnotations())).toList()
                + (e.isVarArgs() ? " varargs" : "");
        return Stream.of(Stream.of(type.getDeclaredMethods())
                        .filter(m -> !m.getName().endsWith(WovenCode.ORIGINAL)).map(shape),
                Stream.of(type.getDeclaredConstructors()).map(shape),
                Stream.of(type.getDeclaredFields()).filter(f -> !f.getName().equals(WovenCode.MARKER))
                        .map(Field::toGenericString),
                Stream.of(Modifier.toString(type.getModifiers()), String.valueOf(type.accessFlags().contains(AccessFlag.SUPER))))
                .flatMap(s -> s).collect(Collectors.toSet());
    }

    private Object construct(Class<?> plain, Class<?>[] parameters, Object... args) throws Throwable {
        Constructor<?> constructor = woven.load(plain).getDeclaredConstructor(parameters);
        try {
            return constructor.newInstance(args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    private Object call(Object receiver, String name, Object... args) throws Throwable {
        Class<?> type = receiver == null ? woven.load(Shapes.class) : receiver.getClass();
        Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        try {
            return method.invoke(receiver, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    private static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getClassLoader() == null
                ? ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")
                : type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable ex) throws T {
        throw (T) ex;
    }

    /** Defines the shapes' classes, woven, itself; everything else comes from its parent. */
    private static final class WovenLoader extends ClassLoader {

        WovenLoader() {
            super("woven", DirectWeaverTest.class.getClassLoader());
        }

        Class<?> load(Class<?> plain) {
            try {
                return loadClass(plain.getName());
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(Shapes.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getResourceAsStream(name.replace('.', '/') + ".class")) {
                        DirectWeaver.Woven woven = DirectWeaver.weave(this, in.readAllBytes());
                        loaded = defineClass(name, woven.bytes(), 0, woven.bytes().length);
                    }
                    catch (IOException ex) {
                        throw new ClassNotFoundException(name, ex);
                    }
                }
                return loaded;
            }
        }
    }
}
