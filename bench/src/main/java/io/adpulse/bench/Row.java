package io.adpulse.bench;

/**
 * One line of the results table: a measured figure, the reference measured beside it in the same run, their
 * ratio, and the target for it.
 *
 * @param measure        the measure it belongs to ("1 Pipeline throughput"...)
 * @param figure         what was measured
 * @param value          the measured value, formatted, with its unit
 * @param reference      what it is compared with, and that reference's value; empty when there is none
 * @param ratio          value / reference, formatted; empty when there is no reference
 * @param target         the target, in words; empty when the figure is context for another row
 * @param met            "yes", "no" or "" (no target)
 */
public record Row(String measure, String figure, String value, String reference, String ratio, String target,
        String met) {

    static Row context(String measure, String figure, String value) {
        return new Row(measure, figure, value, "", "", "", "");
    }

    static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }
}
