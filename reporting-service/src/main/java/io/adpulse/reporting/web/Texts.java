package io.adpulse.reporting.web;

/** Small helpers for echoing caller input in problem details without letting it grow them unbounded. */
public final class Texts {

    private Texts() {
    }

    /** The value cut to {@code max} characters, with an ellipsis when cut. */
    public static String echo(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…" : value;
    }
}
