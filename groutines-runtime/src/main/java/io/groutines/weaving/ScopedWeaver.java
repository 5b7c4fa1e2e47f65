package io.groutines.weaving;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;
import java.util.function.Predicate;

import org.aspectj.weaver.bcel.asm.AsmDetector;

/**
 * AspectJ's load-time weaver, given only the classes in the {@link WeaveScope} ({@link Weaving#accepts}): the scope is
 * decided here, by name, before AspectJ parses anything, so classes outside it cost one check. Never given: classes
 * being redefined or retransformed (AspectJ cannot weave a loaded class again), classes of the bootstrap loader,
 * hidden and generated classes. A failure to weave one class leaves that class unwoven and is reported once, with
 * the class and the cause ({@link WeaverMessages}); it never fails the class's loading, never writes an
 * {@code ajcore.*.txt} file, and never turns the weaver off for the classes after it.
 *
 * <p>Deciding here also keeps the groutines aspects away from AspectJ: given a class's bytes, AspectJ takes them as
 * that type's definition for its own use from then on, and for an aspect those bytes may carry what an agent
 * before this one added (JaCoCo's probes and constant-dynamic probe array), which AspectJ would then copy into every
 * class it weaves.
 */
final class ScopedWeaver implements ClassFileTransformer {

    /** The class this thread is weaving, for the messages the weaver sends while it does. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final ClassFileTransformer aspectj;

    private final Predicate<String> accepts;

    /**
     * @param aspectj AspectJ's transformer
     * @param accepts whether a class (binary name) is given to it
     */
    ScopedWeaver(ClassFileTransformer aspectj, Predicate<String> accepts) {
        this.aspectj = aspectj;
        this.accepts = accepts;
    }

    /**
     * Starts AspectJ's weaving agent so that the transformer it registers is this one's delegate.
     * @param inst the JVM's instrumentation
     */
    static void install(Instrumentation inst) {
        Instrumentation gated = (Instrumentation) Proxy.newProxyInstance(ScopedWeaver.class.getClassLoader(),
                new Class<?>[] { Instrumentation.class }, (proxy, method, args) -> {
                    if (method.getName().equals("addTransformer")) {
                        args[0] = new ScopedWeaver((ClassFileTransformer) args[0], Weaving::accepts);
                    }
                    try {
                        return method.invoke(inst, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        org.aspectj.weaver.loadtime.Agent.agentmain("", gated);
    }

    /** @return the binary name of the class this thread is weaving, or null */
    static String currentClass() {
        return CURRENT.get();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || className == null || classBeingRedefined != null) {
            return null;
        }
        long gate = Weaving.TIMING ? System.nanoTime() : 0;
        String binaryName = className.replace('/', '.');
        if (!accepts.test(binaryName)) {
            if (Weaving.TIMING) {
                Weaving.GATED.increment();
                Weaving.GATE_NANOS.add(System.nanoTime() - gate);
            }
            return null;
        }
        String outer = CURRENT.get();
        CURRENT.set(binaryName);
        long start = Weaving.TIMING ? System.nanoTime() : 0;
        if (Weaving.TIMING) {
            Weaving.GATED.increment();
            Weaving.ACCEPTED.increment();
            Weaving.GATE_NANOS.add(start - gate);
        }
        try {
            byte[] woven = aspectj.transform(loader, className, null, protectionDomain, classfileBuffer);
            if (Weaving.TIMING && outer == null) { // nested: counted in the outer class's time
                long took = System.nanoTime() - start;
                Weaving.WEAVE_NANOS.add(took);
                if (!Weaving.LOADERS.contains(loader)) { // up to a loader's first woven class: the weaver's set-up
                    Weaving.FIRST_NANOS.add(took);
                    if (woven != null && woven != classfileBuffer) {
                        Weaving.LOADERS.add(loader);
                    }
                }
            }
            if (!AsmDetector.isAsmAround) {
                // AspectJ could not add the stack maps to this class (it printed why) and turned stack maps off for
                // every class after it; the bytes it returned would not verify. This class stays unwoven, the rest not.
                Throwable cause = AsmDetector.rootCause;
                AsmDetector.rootCause = null;
                AsmDetector.isAsmAround = true;
                WeaverMessages.failed(binaryName, cause, "the weaver could not compute its stack map frames");
                return null;
            }
            if (woven != null && woven != classfileBuffer) {
                Weaving.woven();
            }
            return woven;
        }
        catch (Throwable ex) {
            WeaverMessages.failed(binaryName, ex, null);
            return null;
        }
        finally {
            if (outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(outer);
            }
        }
    }
}
