package io.groutines.weaving;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.ProtectionDomain;

/**
 * AspectJ's load-time weaver, given only the classes in the {@link WeaveScope} ({@link Weaving#accepts}): the scope is
 * decided here, by name, before AspectJ parses anything, so classes outside it cost one check. Never given: classes
 * being redefined or retransformed (AspectJ cannot weave a loaded class again), classes of the bootstrap loader,
 * hidden and generated classes. A failure to weave one class leaves that class unwoven and is reported once, with
 * the class and the cause; it never fails the class's loading.
 */
final class ScopedWeaver implements ClassFileTransformer {

    private static final System.Logger LOG = System.getLogger("io.groutines.weaving");

    private final ClassFileTransformer aspectj;

    private ScopedWeaver(ClassFileTransformer aspectj) {
        this.aspectj = aspectj;
    }

    /**
     * Starts AspectJ's weaving agent so that the transformer it registers is this one's delegate.
     * @param inst the JVM's instrumentation
     */
    static void install(Instrumentation inst) {
        Instrumentation gated = (Instrumentation) Proxy.newProxyInstance(ScopedWeaver.class.getClassLoader(),
                new Class<?>[] { Instrumentation.class }, (proxy, method, args) -> {
                    if (method.getName().equals("addTransformer")) {
                        args[0] = new ScopedWeaver((ClassFileTransformer) args[0]);
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

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || className == null || classBeingRedefined != null) {
            return null;
        }
        String binaryName = className.replace('/', '.');
        if (!Weaving.accepts(binaryName)) {
            return null;
        }
        try {
            byte[] woven = aspectj.transform(loader, className, null, protectionDomain, classfileBuffer);
            if (woven != null && woven != classfileBuffer) {
                Weaving.woven();
            }
            return woven;
        }
        catch (Throwable ex) {
            Weaving.failed();
            LOG.log(System.Logger.Level.WARNING, "Groutines could not weave " + binaryName + " (" + ex
                    + "): it stays unwoven, and its calls do not reach groutines", ex);
            return null;
        }
    }
}
