package io.groutines.weaving;

import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * AspectJ writes its build time into every class it weaves, and reads it the first time from its text
 * ({@code Tuesday Nov 3, 2026 at 15:59:43 PST}) with a {@code SimpleDateFormat}, whose time zone names make the JDK
 * load the display names of every time zone: about a tenth of a second of the first class woven. The same instant is
 * computed here, for the zones AspectJ's builds name, and given to AspectJ before it asks; where the text is not in
 * that form, AspectJ reads it itself.
 */
final class AspectJVersion {

    private AspectJVersion() {
    }

    /** Gives AspectJ's {@code Version} its build time, unless it has it already or the text is not understood. */
    static void setBuildTime() {
        try {
            Class<?> version = Class.forName("org.aspectj.bridge.Version");
            Field time = version.getDeclaredField("time");
            time.setAccessible(true);
            if (time.getLong(null) != -1) {
                return; // read already
            }
            if (!Locale.getDefault(Locale.Category.FORMAT).getLanguage().equals("en")) {
                return; // AspectJ parses the English text with the default locale, and another one reads no time
            }
            long millis = millis((String) version.getMethod("getTimeText").invoke(null));
            if (millis > 0) {
                time.setLong(null, millis);
            }
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            // AspectJ reads its build time itself, as it always has
        }
    }

    /**
     * @param text {@code EEEE MMM d, yyyy 'at' HH:mm:ss z}, in English, the zone {@code PST}, {@code PDT},
     *        {@code GMT} or {@code UTC}
     * @return the instant in milliseconds, or 0 when the text is not in that form
     */
    static long millis(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length != 7 || !words[4].equals("at") || !words[2].endsWith(",")) {
            return 0;
        }
        Month month = month(words[1]);
        String[] clock = words[5].split(":");
        if (month == null || clock.length != 3) {
            return 0;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(Integer.parseInt(words[3]), month,
                    Integer.parseInt(words[2].substring(0, words[2].length() - 1)), Integer.parseInt(clock[0]),
                    Integer.parseInt(clock[1]), Integer.parseInt(clock[2]));
        }
        catch (RuntimeException ex) {
            return 0;
        }
        int hours = switch (words[6]) {
            case "GMT", "UTC" -> 0;
            case "PST" -> -8; // AspectJ is built in California
            case "PDT" -> -7;
            default -> Integer.MIN_VALUE;
        };
        return hours == Integer.MIN_VALUE ? 0 : local.toInstant(ZoneOffset.ofHours(hours)).toEpochMilli();
    }

    private static Month month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return month;
            }
        }
        return null;
    }
}
