package io.adpulse.reporting;

import java.util.concurrent.atomic.AtomicLong;

/** Advertiser and entity ids unique within a test JVM, shaped like TikTok's numeric ids. */
public final class TestIds {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000L);

    private TestIds() {
    }

    public static String next() {
        return Long.toString(7_100_000_000_000_000_000L + NEXT.incrementAndGet());
    }
}
