package io.groutines.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test method inside its own hub, bound to the test's thread: groutines it spawns (through an injected
 * {@link io.groutines.Hub} parameter) see the calls and events of the code under test — including requests handled
 * on the test's thread, as with MockMvc, whose request hubs nest over the test's hub. After the test, every groutine
 * the test spawned must have finished: one still waiting (for a call that never happened) fails the test, naming
 * what it waited for. Then the hub is closed and whatever is left is killed.
 *
 * <pre>{@code
 * @WithGroutines
 * class OrderServiceTest {
 *     @Test
 *     void savesTheTotal(Hub hub) {
 *         List<Object> saved = new ArrayList<>();
 *         hub.spawn(() -> saved.add(FunctionCall.of(OrderRepository.class, "save").await(Phase.ENTER).arg(0)));
 *         service.checkout(cart);
 *         assertThat(saved).singleElement().extracting("total").isEqualTo(42);
 *     }
 * }
 * }</pre>
 * On a method, it overrides the one on the class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(GroutinesExtension.class)
public @interface WithGroutines {

    /**
     * @return whether a groutine spawned by the test that is still alive at its end fails the test; false for
     *         groutines that wait on purpose (loops, watchers)
     */
    boolean requireFinished() default true;

    /**
     * @return whether to run the application's active groutines for the test too, from the Spring test context's
     *         {@code GroutineSpawner} (needs {@code groutines.enabled=true}): in a hub of their own, bound over the
     *         test's hub, for the code the test calls; they may stay alive without failing the test. A request served
     *         on the test's thread (MockMvc) gets its own hub with the application's groutines, and this one steps
     *         aside while it runs: a call reaches the application's groutines once.
     */
    boolean application() default false;
}
