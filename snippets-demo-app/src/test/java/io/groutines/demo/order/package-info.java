/**
 * Tests that reach one application class, {@code UserListController}, the ways a real suite does — a test slice that
 * names it in its annotation (so that JUnit's discovery loads it before any test or context runs), a MockMvc test and
 * a real-server test with groutines on it — run in one JVM in both orders (the demo's build runs this package
 * alphabetically and in reverse, each in a JVM of its own). Every one of them gets the same answer whatever ran first.
 */
package io.groutines.demo.order;
