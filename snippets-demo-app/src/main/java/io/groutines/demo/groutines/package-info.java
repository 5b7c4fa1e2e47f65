/**
 * The original framework's example groutines, in Java: each class is one example, switched on or off by its name
 * ({@code groutines.active}). Together, {@code start_view}, {@code check_permissions} and {@code fill_user} let an
 * anonymous {@code POST /snippets/} create a snippet owned by {@code vitalii}.
 */
package io.groutines.demo.groutines;
