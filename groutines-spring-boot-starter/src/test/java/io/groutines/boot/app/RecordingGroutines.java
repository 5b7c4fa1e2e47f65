package io.groutines.boot.app;

import io.groutines.Event;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Strand;

/** Records, per hub, that its groutines were spawned, what they saw, and that they were killed. */
@Groutines("recorder")
class RecordingGroutines {

    private final Recorder recorder;

    RecordingGroutines(Recorder recorder) {
        this.recorder = recorder;
    }

    @Groutine(event = "SEEN", loop = true)
    void seen(String data) {
        this.recorder.record(hub(), "seen " + data);
    }

    @Groutine
    void watch() {
        String hub = hub();
        this.recorder.record(hub, "spawned");
        try {
            Event.named("NEVER").await();
        }
        finally {
            this.recorder.record(hub, "killed");
        }
    }

    private static String hub() {
        return Strand.current().orElseThrow().hub().name();
    }
}
