package io.groutines.weaving;

import org.junit.jupiter.api.Test;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** AspectJ's build time, read as AspectJ's own SimpleDateFormat reads it, without loading every zone's names. */
class AspectJVersionTest {

    @Test
    void theSameInstantAsAspectJsOwnReading() {
        for (String text : new String[] { "Tuesday Nov 3, 2026 at 15:59:43 PST", "Monday Jun 1, 2026 at 09:00:01 PDT",
                "Tuesday Jan 15, 2019 at 00:53:54 GMT", "Friday Dec 31, 2027 at 23:59:59 UTC" }) {
            SimpleDateFormat format = new SimpleDateFormat("EEEE MMM d, yyyy 'at' HH:mm:ss z", Locale.ENGLISH);
            long expected = format.parse(text, new ParsePosition(0)).getTime();
            assertThat(AspectJVersion.millis(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void anythingElseIsLeftToAspectJ() {
        assertThat(AspectJVersion.millis("")).isZero();
        assertThat(AspectJVersion.millis("Tuesday Nov 3, 2026 at 15:59:43 BST")).isZero();
        assertThat(AspectJVersion.millis("DEVELOPMENT")).isZero();
    }
}
