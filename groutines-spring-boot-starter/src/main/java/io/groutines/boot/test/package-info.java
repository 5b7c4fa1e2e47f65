/**
 * Test support: {@link io.groutines.boot.test.WithGroutines} (a JUnit Jupiter extension) opens a hub around a test,
 * and {@link io.groutines.boot.test.RequestGroutines} puts a test's groutines into the requests of a real server.
 * JUnit and Spring's test context are optional dependencies of the starter: the application's test classpath has
 * them.
 */
package io.groutines.boot.test;
