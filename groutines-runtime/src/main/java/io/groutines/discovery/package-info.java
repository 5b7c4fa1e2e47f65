/**
 * Declared groutines found before they load, for the agent and integrations such as the Spring Boot starter:
 * {@link io.groutines.discovery.GroutineClasses} finds the {@link io.groutines.Groutines} classes on a class path from
 * their class files, before any of them is loaded (so that the weaver can be told what their triggers name), as
 * {@link io.groutines.discovery.GroutineClass} values, and {@link io.groutines.discovery.ActiveGroutines} says which
 * of them run. Once loaded, a class's {@link io.groutines.Groutine} methods are checked, bound and spawned by the
 * core's {@link io.groutines.DeclaredGroutine}. Applications do not need this package.
 */
package io.groutines.discovery;
