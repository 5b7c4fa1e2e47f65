package io.groutines.weaving;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's Flight Recorder events, in a JVM where no recording ran before the test started one (so the agent's
 * start, measured before the recorder ran, is committed with the first weave the recording sees).
 */
class WeaverEventsIT {

    @TempDir
    Path dir;

    @Test
    void aClassWovenWhileARecordingRunsIsAnEventAndSoIsTheAgentsStart() throws Exception {
        Path file = this.dir.resolve("weaving.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.groutines.Weave");
            recording.enable("io.groutines.AgentStart");
            recording.start();
            Class.forName("io.groutines.weaving.application.Recorded");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("io.groutines.Weave"))
                .anySatisfy(e -> {
                    assertThat(e.getString("className")).isEqualTo("io.groutines.weaving.application.Recorded");
                    assertThat(e.getString("outcome")).isIn("woven", "cached", "ahead"); // ahead: woven by the thread that weaves ahead
                    assertThat(e.getDuration()).isPositive();
                    if (e.getString("outcome").equals("woven")) {
                        assertThat(e.getString("weaver")).isEqualTo("direct");
                        assertThat(e.getBoolean("firstOfLoader")).as("AspectJ's set-up").isFalse();
                    }
                });
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("io.groutines.AgentStart"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getString("how")).isEqualTo("premain");
                    assertThat(e.getInt("applicationClasses")).isPositive();
                    assertThat(e.getString("scope")).contains("the application's own classes");
                });
    }
}
