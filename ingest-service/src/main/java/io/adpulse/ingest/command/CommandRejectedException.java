package io.adpulse.ingest.command;

/**
 * A command Adpulse refuses before calling TikTok: unknown kind, invalid or missing parameters, no such connection.
 * Its message is the reason shown to the operator in the {@code REJECTED} result, so it must name the problem in
 * words and never carry a secret.
 */
public class CommandRejectedException extends RuntimeException {

    public CommandRejectedException(String reason) {
        super(reason);
    }
}
