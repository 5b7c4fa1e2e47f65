package io.groutines;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The event of calling a callable — a method or constructor of a woven class. A groutine waits for it with
 * {@link #await(Phase)} and gets the {@link Call} at {@link Phase#ENTER} or {@link Phase#EXIT}.
 *
 * <p>Three ways to name the callable, as in the original framework:
 * <ul>
 * <li>by absolute path: {@code FunctionCall.of("org.example.Foo.bar")}; constructors as
 * {@code org.example.Foo.<init>}; an overload with its parameter list,
 * {@code org.example.Foo.bar(java.lang.String,int)};</li>
 * <li>as an attribute of a class: {@code FunctionCall.of(Foo.class, "bar")} — calls on any instance, including
 * implementations and overrides when {@code Foo} is an interface or superclass;</li>
 * <li>as an attribute of an object: {@code FunctionCall.of(foo, "bar")} — only calls on that instance.</li>
 * </ul>
 * The name is resolved when the {@code FunctionCall} is made: a class or method that does not exist, an overload
 * that is ambiguous, or — while a weaver runs — a callable whose calls cannot be intercepted throws
 * {@link TargetException} at once, naming the fix. A method is one target however it is declared: a generic
 * interface method and the redeclaration that fills in its type arguments ({@code CrudRepository.findById(ID)} and
 * {@code findById(Integer)}) are the same method; bridge and synthetic methods are never targets.
 *
 * <p>Instances are immutable; {@link #argNames} returns a new one.
 */
public final class FunctionCall {

    private final Target target;

    private final Object instance;

    private final String[] argNames;

    private FunctionCall(Target target, Object instance, String[] argNames) {
        this.target = target;
        this.instance = instance;
        this.argNames = argNames;
    }

    private static FunctionCall checked(Target target, Object instance) {
        FunctionCall call = new FunctionCall(target, instance, null);
        TargetCheck.check(call);
        return call;
    }

    /**
     * Names a callable by its absolute path, resolved with the thread's context class loader.
     * @param path e.g. {@code org.example.Foo.bar}, {@code org.example.Foo.<init>},
     *        {@code org.example.Foo.bar(java.lang.String,int)}
     * @return the function call
     * @throws TargetException when the path names no callable or an ambiguous overload
     */
    public static FunctionCall of(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return of(path, loader != null ? loader : FunctionCall.class.getClassLoader());
    }

    /**
     * Names a callable by its absolute path, resolved with a given class loader (for a declared trigger: the
     * loader of the groutine's class).
     * @param path as for {@link #of(String)}
     * @param loader where its class is looked up
     * @return the function call
     * @throws TargetException when the path names no callable or an ambiguous overload
     */
    public static FunctionCall of(String path, ClassLoader loader) {
        return checked(TargetResolver.resolve(path, Objects.requireNonNull(loader, "loader")), null);
    }

    /**
     * Names a callable as an attribute of a class.
     * @param type the class or interface that declares or inherits it
     * @param method the method name ({@code <init>} for a constructor), optionally with a parameter list
     * @return the function call
     * @throws TargetException when the class has no such callable or the name is ambiguous
     */
    public static FunctionCall of(Class<?> type, String method) {
        return checked(TargetResolver.resolve(Objects.requireNonNull(type, "type"), method), null);
    }

    /**
     * Names a method as an attribute of one object: only calls on that very instance are seen.
     * @param instance the receiver
     * @param method the method name, optionally with a parameter list
     * @return the function call
     * @throws TargetException when the object's class has no such method or the name is ambiguous
     */
    public static FunctionCall of(Object instance, String method) {
        Objects.requireNonNull(instance, "instance");
        if (instance instanceof Class<?> type) {
            return of(type, method);
        }
        Target target = TargetResolver.resolve(instance.getClass(), method);
        if (target.isConstructor()) {
            throw new TargetException(target.path(), "An existing object's constructor is never called again",
                    "name the constructor on the class: FunctionCall.of(" + instance.getClass().getSimpleName()
                            + ".class, \"<init>\")");
        }
        return checked(target, instance);
    }

    /**
     * Names the callable's arguments, by position, for {@link Call#arg(String)} and for binding a
     * {@link Groutine} method's parameters. Fewer names than arguments is fine: the rest stay positional.
     * @param names one name per leading argument
     * @return a new function call with those names
     * @throws TargetException when there are more names than the callable has parameters
     */
    public FunctionCall argNames(String... names) {
        int arity = target.executable().getParameterCount();
        if (names.length > arity) {
            throw new TargetException(target.path(), "argNames " + Arrays.toString(names) + " names " + names.length
                    + " arguments, but the callable takes " + arity,
                    "give at most " + arity + " names, in parameter order");
        }
        return new FunctionCall(target, instance, names.clone());
    }

    /**
     * Suspends the calling groutine until the callable is called on this thread at the given phase.
     * @param phase {@link Phase#ENTER} or {@link Phase#EXIT}
     * @return the call; valid while the groutine handles it
     * @throws IllegalStateException outside a groutine
     * @throws GroutineExit when the groutine is killed while waiting
     */
    public Call await(Phase phase) {
        Objects.requireNonNull(phase, "phase");
        Strand strand = Strand.require(this + ".await()");
        return (Call) strand.await(Waiter.call(strand, this, phase));
    }

    /**
     * Suspends until the call's {@link Phase#EXIT}, as in the original framework.
     * @return the call, with its result or exception
     */
    public Call await() {
        return await(Phase.EXIT);
    }

    /** @return the resolved method or constructor */
    public Executable callable() {
        return target.executable();
    }

    /** @return the class or interface the callable was named on, which may inherit it from {@link #callable()}'s */
    public Class<?> type() {
        return target.namedClass();
    }

    /** @return the target as it was named */
    public String path() {
        return target.path();
    }

    /** @return the instance calls are restricted to, or {@code null} */
    public Object instance() {
        return instance;
    }

    /** @return a copy of the argument names, empty when none were given */
    public String[] names() {
        return argNames == null ? new String[0] : argNames.clone();
    }

    Target target() {
        return target;
    }

    /** @return the argument names, or {@code null} when none were given */
    String[] argNamesOrNull() {
        return argNames;
    }

    @Override
    public String toString() {
        return "FunctionCall(" + target.path() + (instance != null ? " on " + instance.getClass().getSimpleName() + "@"
                + Integer.toHexString(System.identityHashCode(instance)) : "") + ")";
    }
}
