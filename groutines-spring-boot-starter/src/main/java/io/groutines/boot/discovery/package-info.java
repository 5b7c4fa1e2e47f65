/**
 * Discovery: classes annotated {@link io.groutines.Groutines} are found in class files (ClassGraph, before any of
 * them is loaded), registered as beans, and their triggers checked at startup.
 */
package io.groutines.boot.discovery;
