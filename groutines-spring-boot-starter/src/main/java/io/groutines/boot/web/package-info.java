/**
 * The request filter: each request runs with its own hub of groutines, killed when its response is complete —
 * the original framework's Django middleware.
 */
package io.groutines.boot.web;
