package io.groutines.weaving.restart.lib;

import org.apache.commons.lang3.StringUtils;

/** A library class outside the weave scope that calls a watched method itself. */
public final class Library {

    private Library() {
    }

    public static String shout(String text) {
        return StringUtils.capitalize(text) + "!";
    }
}
