/**
 * How calls become events: the groutines agent ({@link io.groutines.weaving.Agent}), which opens the JDK's
 * continuations to the runtime and weaves, behind a gate that hands them only the classes of the
 * {@link io.groutines.weaving.WeaveScope}, with its own weaver on the JDK's class-file API ({@code DirectWeaver}) and
 * AspectJ's load-time weaver for what that one leaves; the weaver's state and the application's decision of what to weave
 * ({@link io.groutines.weaving.Weaving}); whether the calls of a target can arrive ({@link io.groutines.weaving.Reach});
 * and the aspects themselves ({@code WovenCalls}, {@code CallSites}, {@code WideCalls}), which {@code ajc} compiles
 * from the module's {@code src/main/aspect}. The per-arity around advice of {@code WovenCalls} and
 * {@code CallSites} are generated at build time from the one template of the interception protocol,
 * {@code src/build/java/AroundAdvice.java}, into {@code WovenCalls.aj.template} and {@code CallSites.aj.template}
 * there (docs/weaving.md, "Where the aspects are written").
 */
package io.groutines.weaving;
