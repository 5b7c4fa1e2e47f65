package io.groutines.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.Message;
import org.aspectj.weaver.bcel.asm.AsmDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard in front of AspectJ's transformer, with a stand-in for AspectJ. No agent here. */
class ScopedWeaverTest {

    private static final byte[] BYTES = { (byte) 0xCA, (byte) 0xFE };

    private final List<String> passed = new ArrayList<>();

    private CapturedLog log;

    @BeforeEach
    void listen() {
        WeaverMessages.reset();
        log = CapturedLog.attach();
    }

    @AfterEach
    void stopListening() {
        log.close();
        AsmDetector.isAsmAround = true;
    }

    /** A stand-in for AspectJ's transformer. */
    interface Weaver {
        byte[] weave(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
                throws Exception;
    }

    private static ClassFileTransformer transformer(Weaver weaver) {
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                    byte[] bytes) throws IllegalClassFormatException {
                try {
                    return weaver.weave(loader, className, redefined, domain, bytes);
                }
                catch (RuntimeException | IllegalClassFormatException ex) {
                    throw ex;
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
    }

    private ScopedWeaver guard(Weaver weaver) {
        return new ScopedWeaver(transformer(weaver), name -> name.startsWith("com.example."), null);
    }

    private final Weaver recording = (loader, className, redefined, domain, bytes) -> {
        passed.add(className);
        return new byte[] { 1 };
    };

    @Test
    void onlyClassesInTheScopeAndNeverGeneratedOnesReachTheWeaver() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        ScopedWeaver guard = new ScopedWeaver(transformer(recording), name -> name.startsWith("com.example.")
                && !WeaveScope.isGenerated(name), null);
        assertThat(guard.transform(loader, "com/example/Foo", null, null, BYTES)).containsExactly(1);
        assertThat(guard.transform(loader, "com/example/Foo$$SpringCGLIB$$0", null, null, BYTES)).isNull();
        assertThat(guard.transform(loader, "org/other/Foo", null, null, BYTES)).isNull();
        assertThat(guard.transform(loader, null, null, null, BYTES)).isNull();
        assertThat(guard.transform(null, "com/example/Boot", null, null, BYTES)).isNull();
        // a redefinition or retransformation is never woven again
        assertThat(guard.transform(loader, "com/example/Foo", String.class, null, BYTES)).isNull();
        assertThat(passed).containsExactly("com/example/Foo");
    }

    @Test
    void aWeaverThatThrowsLeavesTheClassAsItCameAndWarnsOnce() throws Exception {
        ScopedWeaver guard = guard((loader, className, redefined, domain, bytes) -> {
            throw new IllegalStateException("broken", new IllegalArgumentException("deep"));
        });
        ClassLoader loader = getClass().getClassLoader();
        assertThat(guard.transform(loader, "com/example/Foo", null, null, BYTES)).isNull();
        assertThat(guard.transform(loader, "com/example/Foo", null, null, BYTES)).isNull();
        assertThat(log.lines()).singleElement().asString()
                .startsWith("WARNING The weaver could not weave com.example.Foo")
                .contains("java.lang.IllegalStateException: broken")
                .contains("caused by java.lang.IllegalArgumentException: deep");
    }

    @Test
    void aClassWhoseStackMapsFailedStaysUnwovenAndTheWeaverGoesOn() throws Exception {
        ScopedWeaver guard = guard((loader, className, redefined, domain, bytes) -> {
            if (className.endsWith("Bad")) {
                AsmDetector.isAsmAround = false;
                AsmDetector.rootCause = new IllegalArgumentException("no bootstrap methods");
            }
            return new byte[] { 2 };
        });
        ClassLoader loader = getClass().getClassLoader();
        assertThat(guard.transform(loader, "com/example/Bad", null, null, BYTES)).isNull();
        assertThat(AsmDetector.isAsmAround).isTrue();
        assertThat(guard.transform(loader, "com/example/Good", null, null, BYTES)).containsExactly(2);
        assertThat(log.lines()).singleElement().asString()
                .contains("com.example.Bad").contains("no bootstrap methods");
    }

    @Test
    void theWeaversErrorsAreWarningsAboutTheClassBeingWoven() throws Exception {
        WeaverMessages messages = new WeaverMessages();
        ScopedWeaver guard = guard((loader, className, redefined, domain, bytes) -> {
            messages.handleMessage(new Message("trouble in: \nclass com.example.Foo ...", IMessage.ABORT,
                    new RuntimeException("bcel"), null));
            messages.handleMessage(new Message("more trouble", IMessage.ERROR, null, null));
            return null;
        });
        assertThat(guard.transform(getClass().getClassLoader(), "com/example/Foo", null, null, BYTES)).isNull();
        assertThat(log.lines()).singleElement().asString()
                .contains("com.example.Foo").contains("java.lang.RuntimeException: bcel");
        assertThat(messages.isIgnoring(IMessage.WEAVEINFO)).isTrue();
        assertThat(messages.isIgnoring(IMessage.ERROR)).isFalse();
    }
}
