/**
 * Spawning: {@link io.groutines.boot.spawn.GroutineSpawner} puts the application's active groutines into a hub — a
 * request's, a test's, a job's — and {@link io.groutines.boot.spawn.LiveHubs} keeps track of the open ones.
 */
package io.groutines.boot.spawn;
