package io.groutines.discovery;

import io.groutines.Call;
import io.groutines.Event;
import io.groutines.FunctionCall;
import io.groutines.Groutine;
import io.groutines.Hub;
import io.groutines.Phase;
import io.groutines.Strand;
import io.groutines.TargetException;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A method annotated {@link Groutine}, checked and ready to run: its trigger resolved, its parameters mapped to
 * the trigger's arguments. Made once (at startup, where it fails with a message naming the class, the method and
 * the fix); {@link #spawnInto} spawns it on a bean.
 */
public final class GroutineMethod {

    private static final int CALL_PARAMETER = -1;

    private final Method method;

    private final Groutine annotation;

    private final FunctionCall trigger;

    /** For each parameter: the index of the trigger argument it receives, or {@link #CALL_PARAMETER}. */
    private final int[] bindings;

    private final boolean replaces;

    private GroutineMethod(Method method, Groutine annotation, FunctionCall trigger, int[] bindings) {
        this.method = method;
        this.annotation = annotation;
        this.trigger = trigger;
        this.bindings = bindings;
        this.replaces = trigger != null && method.getReturnType() != void.class;
    }

    /**
     * Finds and checks the {@link Groutine} methods of a class, in a stable order (by name).
     * @param type the class
     * @return its groutine methods
     * @throws TargetException when a trigger or a parameter is wrong; the message names class, method, target and fix
     */
    public static List<GroutineMethod> of(Class<?> type) {
        List<GroutineMethod> found = new ArrayList<>();
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.isAnnotationPresent(Groutine.class)) {
                found.add(of(m));
            }
        }
        return found;
    }

    /**
     * Checks one {@link Groutine} method.
     * @param method a method annotated {@code @Groutine}
     * @return it, ready to run
     * @throws TargetException when its trigger or a parameter is wrong; {@link TargetException#groutine()} names it
     * @throws IllegalArgumentException when the method is not annotated {@code @Groutine}
     */
    public static GroutineMethod of(Method method) {
        Groutine g = method.getAnnotation(Groutine.class);
        if (g == null) {
            throw new IllegalArgumentException(method + " is not annotated @Groutine");
        }
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (!g.call().isEmpty() && !g.event().isEmpty()) {
            throw fail(where, g.call() + " / " + g.event(), "It names both a call and an event",
                    "a groutine has one trigger: keep call or event");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            throw fail(where, g.call(), "It is static", "make the groutine method an instance method");
        }
        method.setAccessible(true);
        Parameter[] parameters = method.getParameters();
        int[] bindings = new int[parameters.length];
        if (!g.call().isEmpty()) {
            FunctionCall trigger;
            try {
                ClassLoader loader = method.getDeclaringClass().getClassLoader();
                trigger = FunctionCall.of(g.call(), loader != null ? loader : ClassLoader.getSystemClassLoader());
            }
            catch (TargetException ex) {
                throw new TargetException(ex.target(), ex.problem(), ex.fix(), where);
            }
            Class<?>[] targetTypes = trigger.callable().getParameterTypes();
            String[] names = g.argNames();
            if (names.length > targetTypes.length) {
                throw fail(where, g.call(), "argNames " + Arrays.toString(names) + " names " + names.length
                        + " arguments, but the callable takes " + targetTypes.length, "give at most "
                        + targetTypes.length + " names, in the callable's parameter order");
            }
            int position = 0;
            for (int i = 0; i < parameters.length; i++) {
                Parameter p = parameters[i];
                if (p.getType() == Call.class) {
                    bindings[i] = CALL_PARAMETER;
                    continue;
                }
                int index;
                if (names.length > 0) {
                    if (!p.isNamePresent()) {
                        throw fail(where, g.call(), "argNames are given but the groutine's parameter names are not in its "
                                + "class file", "compile the groutine class with -parameters, or drop argNames and bind by position");
                    }
                    index = Arrays.asList(names).indexOf(p.getName());
                    if (index < 0) {
                        throw fail(where, g.call(), "Parameter '" + p.getName() + "' is not one of argNames "
                                + Arrays.toString(names), "rename the parameter, or add its name to argNames");
                    }
                }
                else {
                    index = position++;
                }
                if (index >= targetTypes.length) {
                    throw fail(where, g.call(), "Parameter '" + p.getName() + "' would receive argument " + index
                            + ", but the callable takes " + targetTypes.length, "remove the parameter, or take the Call and read call.target()");
                }
                if (!related(p.getType(), targetTypes[index])) {
                    throw fail(where, g.call(), "Parameter '" + p.getName() + "' is of type " + p.getType().getTypeName()
                            + " but argument " + index + " is of type " + targetTypes[index].getTypeName(),
                            "declare the parameter as " + targetTypes[index].getTypeName());
                }
                bindings[i] = index;
            }
            requireResultFits(where, g.call(), method.getReturnType(), trigger.callable());
            return new GroutineMethod(method, g, names.length > 0 ? trigger.argNames(names) : trigger, bindings);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == Call.class) {
                throw fail(where, g.event(), "A Call parameter needs a call trigger",
                        "trigger the groutine with call = \"...\", or drop the Call parameter");
            }
            bindings[i] = i;
        }
        if (g.event().isEmpty() && parameters.length > 0) {
            throw fail(where, "(none)", "A groutine without a trigger takes no parameters",
                    "add call = \"...\" or event = \"...\", or remove the parameters");
        }
        if (g.event().isEmpty() && g.loop()) {
            throw fail(where, "(none)", "loop = true needs a trigger", "add call = \"...\" or event = \"...\"");
        }
        return new GroutineMethod(method, g, null, bindings);
    }

    private static TargetException fail(String where, String target, String problem, String fix) {
        return new TargetException(target, problem, fix, where);
    }

    /**
     * A groutine's result replaces the call's, so it must be a value the callable could return: of its return type
     * (or a subtype, or a supertype such as {@code Object} whose values are checked when they replace), boxed or not.
     * A {@code void} groutine only observes; any result of a {@code void} callable's groutine means "skip it".
     * Checked by erased types, as the JVM checks a cast: type arguments are not compared.
     */
    private static void requireResultFits(String where, String target, Class<?> result, Executable callable) {
        Class<?> expected = callable instanceof Constructor<?> c ? c.getDeclaringClass() : ((Method) callable).getReturnType();
        if (result == void.class || expected == void.class || related(result, expected)) {
            return;
        }
        throw fail(where, target, "It returns " + result.getTypeName() + ", but the "
                + (callable instanceof Constructor<?> ? "constructor makes a " : "callable returns ")
                + expected.getTypeName() + ": a result of the groutine replaces the call's, and no "
                + result.getTypeName() + " can be one", "return " + expected.getTypeName()
                + " (or a type whose values can be one, such as Object), or void to only observe");
    }

    /** Whether a value of one type can be of the other: either is assignable to the other, primitives boxed. */
    private static boolean related(Class<?> a, Class<?> b) {
        Class<?> x = box(a);
        Class<?> y = box(b);
        return x.isAssignableFrom(y) || y.isAssignableFrom(x);
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    /** @return {@code SimpleClassName.method} */
    public String name() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** @return the annotated method */
    public Method method() {
        return method;
    }

    /** @return the call that triggers it, resolved; {@code null} for an event trigger or none */
    public FunctionCall trigger() {
        return trigger;
    }


    /** @return a description of the trigger, e.g. {@code FunctionCall(org.example.Foo.bar) ENTER} */
    public String describeTrigger() {
        if (trigger != null) {
            return "FunctionCall(" + trigger.path() + ") " + annotation.phase() + (annotation.loop() ? " loop" : "");
        }
        if (!annotation.event().isEmpty()) {
            return "Event(" + annotation.event() + ")" + (annotation.loop() ? " loop" : "");
        }
        return "spawn";
    }

    /**
     * Spawns this groutine on a bean. A groutine with a trigger starts waiting for it without running (see
     * {@link Hub#spawn(String, FunctionCall, Phase, java.util.function.Consumer)}); with {@code loop}, it then waits
     * again after each run.
     * @param hub where
     * @param bean an instance of the declaring class
     * @return its strand
     */
    public Strand spawnInto(Hub hub, Object bean) {
        return spawnInto(hub, bean, null);
    }

    /**
     * Spawns this groutine on a bean, as {@link #spawnInto(Hub, Object)}, and tells an observer of each call of its
     * trigger before the groutine method runs with it — e.g. to record where its calls come from
     * ({@link Call#caller()}), which costs nothing unless the observer asks.
     * @param hub where
     * @param bean an instance of the declaring class
     * @param observer told of each call that reaches the groutine, on the groutine; {@code null} for none
     * @return its strand
     */
    public Strand spawnInto(Hub hub, Object bean, Consumer<Call> observer) {
        Phase phase = annotation.phase();
        if (trigger != null) {
            return hub.spawn(name(), trigger, phase, call -> {
                onCall(bean, call, observer);
                while (annotation.loop()) {
                    onCall(bean, trigger.await(phase), observer);
                }
            });
        }
        if (!annotation.event().isEmpty()) {
            Event event = Event.named(annotation.event());
            return hub.spawn(name(), event, data -> {
                onEvent(bean, data);
                while (annotation.loop()) {
                    onEvent(bean, event.await());
                }
            });
        }
        return hub.spawn(name(), () -> {
            do {
                invoke(bean, new Object[0]);
            }
            while (annotation.loop());
        });
    }

    private void onCall(Object bean, Call call, Consumer<Call> observer) {
        if (observer != null) {
            observer.accept(call);
        }
        Object[] args = new Object[bindings.length];
        for (int i = 0; i < bindings.length; i++) {
            args[i] = bindings[i] == CALL_PARAMETER ? call : call.arg(bindings[i]);
        }
        Object result = invoke(bean, args);
        if (replaces && result != null) {
            call.replaceResult(result);
        }
    }

    private void onEvent(Object bean, Object[] data) {
        if (data.length < bindings.length) {
            throw new IllegalArgumentException("Groutine " + name() + " takes " + bindings.length
                    + " parameters but Event(" + annotation.event() + ") was fired with " + data.length + " values");
        }
        invoke(bean, Arrays.copyOf(data, bindings.length));
    }

    private Object invoke(Object bean, Object[] args) {
        try {
            return method.invoke(bean, args);
        }
        catch (InvocationTargetException ex) {
            throw GroutineMethod.<RuntimeException>rethrow(ex.getCause());
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Groutine " + name() + " cannot be invoked", ex);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Groutine " + name() + " cannot take the trigger's arguments "
                    + Arrays.toString(args) + ": " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable ex) throws T {
        throw (T) ex;
    }

    @Override
    public String toString() {
        return name() + " <- " + describeTrigger();
    }
}
