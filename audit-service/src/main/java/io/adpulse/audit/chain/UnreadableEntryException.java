package io.adpulse.audit.chain;

/**
 * A row of {@code audit_event} that does not make a chain entry (a column altered behind the service's
 * back, say). Verification reports it as the break; listing reports it as a server error.
 */
public class UnreadableEntryException extends RuntimeException {

    private final long sequence;

    UnreadableEntryException(long sequence, Throwable cause) {
        super("audit entry " + sequence + " cannot be read: " + cause.getMessage(), cause);
        this.sequence = sequence;
    }

    public long sequence() {
        return sequence;
    }
}
