/**
 * Declared groutines, for integrations such as the Spring Boot starter: {@link io.groutines.discovery.GroutineClasses}
 * finds the {@link io.groutines.Groutines} classes on a class path from their class files, before any of them is
 * loaded (so that the weaver can be told what their triggers name), as {@link io.groutines.discovery.GroutineClass}
 * values; {@link io.groutines.discovery.GroutineMethod} checks a class's {@link io.groutines.Groutine} methods once and
 * gives the body a strand runs. The agent and the starter use them; applications do not need to.
 */
package io.groutines.discovery;
