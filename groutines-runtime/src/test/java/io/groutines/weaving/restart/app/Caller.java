package io.groutines.weaving.restart.app;

import io.groutines.weaving.restart.Application;
import io.groutines.weaving.restart.lib.Library;

import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.Validate;
import org.apache.commons.lang3.mutable.MutableInt;

/** The application's code: each method calls a library method. */
public class Caller implements Application {

    @Override
    public String capitalize(String text) {
        return StringUtils.capitalize(text);
    }

    @Override
    public String shout(String text) {
        return Library.shout(text);
    }

    @Override
    public int add(MutableInt number, int delta) {
        return number.addAndGet(delta);
    }

    @Override
    public MutableInt counting(int value) {
        return new CountingInt(value);
    }

    @Override
    public void check(boolean ok) {
        Validate.isTrue(ok, "not ok");
    }
}
