/**
 * Calls through Spring proxies — repositories, {@code @Transactional}, {@code @Cacheable} and {@code @Async} beans,
 * HTTP interface clients — reach groutines through an advisor, where weaving cannot reach, as one event per call.
 */
package io.groutines.boot.proxy;
