package io.adpulse.auth.web;

/** A request that must be attributed to a person arrived without {@code X-Adpulse-Actor}. */
public class MissingActorException extends RuntimeException {

    public MissingActorException() {
        super("This request must come through the gateway with a signed-in user (header " + Actor.HEADER + ")");
    }
}
