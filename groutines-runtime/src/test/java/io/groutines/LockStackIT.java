package io.groutines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With the agent, as a user runs: the lock stack is read, and follows the monitors the thread enters. */
class LockStackIT {

    private static final Object[] LOCKS = { new Object(), new Object() };

    @Test
    void theAgentLetsTheRuntimeReadTheLockStack() {
        assertThat(LockStack.STATUS).isEqualTo("on");
    }

    @Test
    void theLockStackIsEmptyExactlyWhenNoMonitorIsFastLocked() throws Exception {
        for (int i = 0; i < 20_000; i++) { // interpreted, then compiled
            assertThat(LockStack.isEmpty()).isTrue();
            synchronized (LOCKS[0]) {
                assertThat(LockStack.isEmpty()).isFalse();
                synchronized (LOCKS[1]) {
                    assertThat(LockStack.isEmpty()).isFalse();
                }
            }
        }
        Thread other = Thread.ofPlatform().start(() -> {
            synchronized (LOCKS[0]) {
                assertThat(LockStack.isEmpty()).isFalse();
            }
        });
        other.join();
        assertThat(LockStack.isEmpty()).isTrue();
    }

    @Test
    void aVirtualThreadIsAnsweredByTheSnapshotInstead() throws Exception {
        boolean[] empty = new boolean[1];
        Thread.ofVirtual().start(() -> empty[0] = LockStack.isEmpty()).join();
        assertThat(empty[0]).isFalse();
    }
}
