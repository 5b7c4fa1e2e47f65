/**
 * Spring Modulith and groutines: {@code @Groutines} classes reach into modules on purpose — they are development
 * tooling, not architecture — so they are not counted as module dependencies; and an {@code @ApplicationModuleTest}
 * that leaves a groutine class out of its context says why.
 */
package io.groutines.boot.modulith;
