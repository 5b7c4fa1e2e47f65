/**
 * Spring Boot support for groutines: every request of a web application runs with the application's groutines.
 * Development and tests only; see {@code docs/getting-started.md}.
 */
package io.groutines.boot;
