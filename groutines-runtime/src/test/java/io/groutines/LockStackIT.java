package io.groutines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the agent, as a user runs: the lock stack is read, on platform and on virtual threads, and follows the
 * monitors the thread enters — interpreted, then compiled.
 */
class LockStackIT {

    private static final Object[] LOCKS = { new Object(), new Object() };

    @Test
    void theAgentLetsTheRuntimeReadTheLockStackSoTheFastCountIsInForce() {
        assertThat(LockStack.unavailable()).isNull();
        assertThat(LockStack.capacity()).isPositive();
        assertThat(LockCheck.inForce().mode()).isEqualTo(LockCheck.Mode.FAST_COUNT);
        assertThat(Hub.statistics().lockCheck()).isEqualTo(LockCheck.inForce());
    }

    @Test
    void theCountFollowsTheMonitorsOfAPlatformThread() throws Exception {
        countFollowsTheMonitors();
        Thread other = Thread.ofPlatform().start(() -> {
            synchronized (LOCKS[0]) {
                assertThat(LockStack.count()).isEqualTo(1);
            }
        });
        other.join();
        assertThat(LockStack.count()).isZero();
    }

    @Test
    void aVirtualThreadIsCountedInItsCarriersLockStack() throws Exception {
        Throwable[] failed = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try {
                countFollowsTheMonitors();
            }
            catch (Throwable ex) {
                failed[0] = ex;
            }
        }).join();
        assertThat(failed[0]).isNull();
    }

    private static void countFollowsTheMonitors() {
        for (int i = 0; i < 20_000; i++) { // interpreted, then compiled
            assertThat(LockStack.count()).isZero();
            synchronized (LOCKS[0]) {
                assertThat(LockStack.count()).isEqualTo(1);
                synchronized (LOCKS[1]) {
                    assertThat(LockStack.count()).isEqualTo(2);
                }
            }
        }
    }
}
