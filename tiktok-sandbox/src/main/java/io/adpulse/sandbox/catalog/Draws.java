package io.adpulse.sandbox.catalog;

/**
 * A tiny deterministic random stream (SplitMix64) and the stateless hash the metric model is built on. Written
 * out rather than borrowed from {@code java.util} so that the seeded data cannot change with the JDK.
 */
public final class Draws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private Draws(long state) {
        this.state = state;
    }

    /** A stream keyed by seed, a name (an entity id, a purpose) and a number (an hour, a day). */
    public static Draws of(long seed, String name, long number) {
        return new Draws(hash(seed, name, number));
    }

    /** Next value, uniform in [0, 1). */
    public double next() {
        state += GOLDEN_GAMMA;
        return (mix(state) >>> 11) * 0x1.0p-53;
    }

    /** Next value, uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) (next() * bound);
    }

    /** Next value, uniform in [from, to). */
    public double between(double from, double to) {
        return from + next() * (to - from);
    }

    /** Next raw 64-bit value. */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A well-mixed 64-bit hash of (seed, name, number). */
    public static long hash(long seed, String name, long number) {
        long h = mix(seed + GOLDEN_GAMMA);
        h = mix(h ^ fnv(name));
        return mix(h ^ (number * GOLDEN_GAMMA));
    }

    /** The hash mapped to [0, 1). */
    public static double unit(long seed, String name, long number) {
        return (hash(seed, name, number) >>> 11) * 0x1.0p-53;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
