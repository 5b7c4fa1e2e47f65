/**
 * How calls become events: the groutines agent ({@link io.groutines.weaving.Agent}), which opens the JDK's
 * continuations to the runtime and runs AspectJ's load-time weaver behind a gate that hands it only the classes of
 * the {@link io.groutines.weaving.WeaveScope}; the weaver's state and the application's decision of what to weave
 * ({@link io.groutines.weaving.Weaving}); whether the calls of a target can arrive ({@link io.groutines.weaving.Reach});
 * and the aspects themselves ({@code WovenCalls}, {@code WideCalls}).
 */
package io.groutines.weaving;
