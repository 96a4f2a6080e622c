package io.adpulse.auth.web;

/**
 * The caller as the gateway identifies it in {@code X-Adpulse-Actor}. The gateway strips any inbound
 * {@code X-Adpulse-*} header before setting it, so services can trust it.
 */
public final class Actor {

    /** Header carrying the signed-in user name. */
    public static final String HEADER = "X-Adpulse-Actor";
    /** Actor of requests that carry none (internal callers), per the platform conventions. */
    public static final String SYSTEM = "system";
    private static final int MAX_LENGTH = 128;

    private Actor() {
    }

    /** The actor, or {@link MissingActorException} when the header is absent, blank or implausibly long. */
    public static String required(String header) {
        if (header == null || header.isBlank() || header.strip().length() > MAX_LENGTH) {
            throw new MissingActorException();
        }
        return header.strip();
    }

    /** The actor, or {@link #SYSTEM} when none is given. */
    public static String orSystem(String header) {
        return header == null || header.isBlank() ? SYSTEM : required(header);
    }
}
