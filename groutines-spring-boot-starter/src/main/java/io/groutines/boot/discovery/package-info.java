/**
 * Discovery: classes annotated {@link io.groutines.Groutines} are found once at startup, in class files (before any
 * of them is loaded), in the scanned packages ({@link io.groutines.boot.discovery.Discovery}); the active ones are
 * registered as beans, and their triggers are checked ({@link io.groutines.boot.discovery.GroutinesCatalog}).
 */
package io.groutines.boot.discovery;
