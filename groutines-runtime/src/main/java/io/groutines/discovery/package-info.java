/**
 * Finding groutine classes on the class path from their class files, before they are loaded (ClassGraph). Used by
 * the agent to widen the weave scope to the classes that declared triggers name, and by the Spring Boot starter to
 * register groutine classes as beans. Internal; not API.
 */
package io.groutines.discovery;
