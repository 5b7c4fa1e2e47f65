package io.groutines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTest {

    private final Hub hub = Hub.open("event-test");

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void fireWakesEveryWaiterInTheOrderTheyStartedWaitingThenReturnsToTheFirer() {
        List<String> log = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            hub.spawn(name, () -> {
                Object[] data = Event.named("DISPATCH").await();
                log.add(name + " got " + data[0]);
            });
        }
        int resumed = Event.named("DISPATCH").fire("view");
        log.add("firer continues");
        assertThat(resumed).isEqualTo(3);
        assertThat(log).containsExactly("a got view", "b got view", "c got view", "firer continues");
    }

    @Test
    void eachWaiterRunsUntilItNextSuspends() {
        List<String> log = new ArrayList<>();
        hub.spawn(() -> {
            Event.named("ONE").await();
            log.add("after ONE");
            Event.named("TWO").await();
            log.add("after TWO");
        });
        Event.named("ONE").fire();
        assertThat(log).containsExactly("after ONE");
        Event.named("TWO").fire();
        assertThat(log).containsExactly("after ONE", "after TWO");
    }

    @Test
    void aGroutineThatWaitsAgainDuringAFireIsResumedByTheNextFireOnly() {
        List<Integer> seen = new ArrayList<>();
        hub.spawn(() -> {
            while (true) {
                seen.add((Integer) Event.named("TICK").await()[0]);
            }
        });
        assertThat(Event.named("TICK").fire(1)).isEqualTo(1);
        assertThat(Event.named("TICK").fire(2)).isEqualTo(1);
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void aGroutineNeverReceivesAnEventItFiresItself() {
        List<String> log = new ArrayList<>();
        hub.spawn("self", () -> {
            Event.named("GO").await();
            log.add("self fires PING: resumed " + Event.named("PING").fire() + " groutines");
        });
        hub.spawn("other", () -> {
            Event.named("PING").await();
            log.add("other got PING");
        });
        Event.named("GO").fire();
        assertThat(log).containsExactly("other got PING", "self fires PING: resumed 1 groutines");
    }

    @Test
    void eventsWithTheSameNameAreTheSameEvent() {
        assertThat(Event.named("X")).isEqualTo(Event.named("X")).hasSameHashCodeAs(Event.named("X"));
        assertThat(Event.named("X")).isNotEqualTo(Event.named("Y"));
    }

    @Test
    void fireWithNoWaiterResumesNobody() {
        assertThat(Event.named("NOBODY").fire()).isZero();
    }

    @Test
    void fireWithNoHubIsAClearError() {
        hub.close();
        assertThat(Hub.current()).isEmpty();
        assertThatThrownBy(() -> Event.named("DISPATCH").fire()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Event(DISPATCH).fire()").hasMessageContaining("has no hub")
                .hasMessageContaining("Hub.open()");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> Event.named(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExceptionInAWaiterStopsTheFireAndLeavesLaterWaitersWaiting() {
        List<String> log = new ArrayList<>();
        hub.spawn("thrower", () -> {
            Event.named("E").await();
            throw new IllegalStateException("boom");
        });
        Strand later = hub.spawn("later", () -> {
            Event.named("E").await();
            log.add("later ran");
        });
        assertThatThrownBy(() -> Event.named("E").fire()).hasMessage("boom");
        assertThat(log).isEmpty();
        assertThat(later.isAlive()).isTrue();
        assertThat(Event.named("E").fire()).isEqualTo(1);
        assertThat(log).containsExactly("later ran");
    }
}
