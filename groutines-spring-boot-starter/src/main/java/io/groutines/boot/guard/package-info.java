/**
 * The production guard: groutines refuse to start in a packaged application running with a production profile.
 */
package io.groutines.boot.guard;
