package io.adpulse.sandbox.posting;

import java.util.OptionalLong;

/**
 * Reads a video's duration the way TikTok's checks need it: from the MP4 movie header box ({@code mvhd}: version,
 * flags, times, then the timescale and the duration in its units). Chunks are scanned as they arrive; a header cut
 * in two by a chunk boundary is not found (the sandbox then answers {@code file_format_check_failed}).
 */
public final class Mp4 {

    private Mp4() {
    }

    /** The duration in whole seconds (rounded up) of the first {@code mvhd} box in {@code bytes}, if any. */
    public static OptionalLong durationSeconds(byte[] bytes) {
        for (int i = 4; i + 4 <= bytes.length; i++) {
            if (bytes[i] == 'm' && bytes[i + 1] == 'v' && bytes[i + 2] == 'h' && bytes[i + 3] == 'd') {
                int at = i + 4;
                if (at >= bytes.length) {
                    return OptionalLong.empty();
                }
                int version = bytes[at] & 0xff;
                int timescaleAt = at + 4 + (version == 1 ? 16 : 8);
                int durationLength = version == 1 ? 8 : 4;
                if (timescaleAt + 4 + durationLength > bytes.length) {
                    return OptionalLong.empty();
                }
                long timescale = read(bytes, timescaleAt, 4);
                long duration = read(bytes, timescaleAt + 4, durationLength);
                if (timescale <= 0) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of((duration + timescale - 1) / timescale);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A minimal MP4 of exactly {@code size} bytes (at least 64) whose movie header says {@code seconds}: an
     * {@code ftyp} box, a {@code moov} box holding a version-0 {@code mvhd} (timescale 1000), then {@code mdat}
     * padding. Enough for the sandbox's checks; not a playable video.
     */
    public static byte[] sample(long seconds, int size) {
        if (size < 64) {
            throw new IllegalArgumentException("size must be at least 64 bytes");
        }
        byte[] out = new byte[size];
        int at = box(out, 0, 16, "ftyp");
        write(out, at, "isom".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        at = 16;
        at = box(out, at, 8 + 28, "moov");
        at = box(out, at, 28, "mvhd");
        // version 0, flags 0, creation time, modification time
        at += 12;
        put(out, at, 1000, 4);
        put(out, at + 4, seconds * 1000, 4);
        at += 8;
        box(out, at, size - at, "mdat");
        return out;
    }

    private static int box(byte[] out, int at, int length, String type) {
        put(out, at, length, 4);
        write(out, at + 4, type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return at + 8;
    }

    private static void write(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
    }

    private static void put(byte[] out, int at, long value, int length) {
        for (int i = 0; i < length; i++) {
            out[at + i] = (byte) (value >>> (8 * (length - 1 - i)));
        }
    }

    private static long read(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return value;
    }
}
