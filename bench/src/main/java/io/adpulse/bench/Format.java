package io.adpulse.bench;

import java.util.Locale;

/** Number formatting for the report: plain, locale-independent, with thousands separators. */
final class Format {

    private Format() {
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f /s", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
