package io.groutines.weaving.restart;

import org.apache.commons.lang3.mutable.MutableInt;

/**
 * What the test calls on the application: implemented by {@code app.Caller}, whose class a {@link RestartLoader}
 * loads again at every restart, as DevTools' restart class loader loads an application's classes.
 */
public interface Application {

    /** @return {@code StringUtils.capitalize(text)}, a static library method, called here */
    String capitalize(String text);

    /** @return {@code Library.shout(text)}, a library method that calls {@code capitalize} itself */
    String shout(String text);

    /** @return {@code number.addAndGet(delta)}, an instance library method, called here */
    int add(MutableInt number, int delta);

    /** @return a new number of the application's own class, which overrides {@code addAndGet} */
    MutableInt counting(int value);

    /** {@code Validate.isTrue(ok, "not ok")}: a library method that throws, called here */
    void check(boolean ok);
}
