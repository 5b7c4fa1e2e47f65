/**
 * Groutines: coroutines that wait for calls of methods and for named events of the application they run in.
 *
 * <ul>
 * <li>{@link io.groutines.Hub} — the groutines of one scope (a request, a test), bound to the threads where it runs;</li>
 * <li>{@link io.groutines.Strand} — one groutine: resumed by the call or event it waits for, on that call's thread;</li>
 * <li>{@link io.groutines.FunctionCall} and {@link io.groutines.Call} — waiting for a call, and the call in hand at
 * {@link io.groutines.Phase#ENTER} or {@link io.groutines.Phase#EXIT};</li>
 * <li>{@link io.groutines.Event} — named events groutines fire and wait for;</li>
 * <li>{@link io.groutines.Signals} — named signals that hold a call of one request until another request (or the
 * test) sends them: races between requests on demand, with a trace of the interleaving;</li>
 * <li>{@link io.groutines.Groutine} and {@link io.groutines.Groutines} — groutines declared on methods of a class.</li>
 * </ul>
 * {@link io.groutines.Interception} is the entry point of woven code, not of groutines. Everything else in this
 * package is package-private: the dispatch of calls and events ({@code Dispatcher}, {@code Waiter}, {@code Claims}),
 * the resolution of targets ({@code TargetResolver}, {@code Target}), the safety of locks ({@code LockSafety}, and the
 * seam to the JVM's internals it reads through: {@code LockStack}, {@code HeldMonitors}, {@code ContinuationMonitors},
 * {@code VmStructs}, {@code JvmLibrary}, {@code TrustedLookup}) and the holds in progress ({@code HeldCall}).
 */
package io.groutines;
