package io.adpulse.auth.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Logback appender (registered in {@code logback-test.xml}) that keeps every log event of the test JVM in memory:
 * logger, thread, message with its arguments, MDC and stack trace. The lines are static, so they survive Spring Boot
 * re-initialising logging for each context.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel()).append(' ')
                .append(event.getLoggerName()).append(" [").append(event.getThreadName()).append("] ")
                .append(event.getFormattedMessage());
        if (!event.getMDCPropertyMap().isEmpty()) {
            line.append(' ').append(event.getMDCPropertyMap());
        }
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        LINES.add(line.toString());
    }

    /** Every line logged so far in this JVM. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }
}
