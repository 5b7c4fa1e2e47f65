package io.groutines.weaving;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records of the weaving logger while it is attached, as "LEVEL message". */
final class CapturedLog extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Held: the log manager keeps loggers only weakly, and a collected logger loses its handlers. */
    private final Logger logger = Logger.getLogger(WeaverMessages.LOGGER);

    private CapturedLog() {
    }

    static CapturedLog attach() {
        CapturedLog log = new CapturedLog();
        log.logger.addHandler(log);
        return log;
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
