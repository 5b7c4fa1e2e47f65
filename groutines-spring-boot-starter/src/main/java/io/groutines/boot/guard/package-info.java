/**
 * The production guard: groutines refuse to run in an application launched as it is deployed (a jar, a war, an
 * exploded archive, a container image) or with a production-looking profile, unless explicitly allowed. How the
 * application was launched is deduced once, at startup ({@link io.groutines.boot.guard.Launch}).
 */
package io.groutines.boot.guard;
