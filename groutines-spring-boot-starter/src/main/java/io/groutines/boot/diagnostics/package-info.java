/**
 * Failure analyzers: startup errors a developer must fix, reported as a description and an action.
 */
package io.groutines.boot.diagnostics;
