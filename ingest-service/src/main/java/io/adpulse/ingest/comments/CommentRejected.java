package io.adpulse.ingest.comments;

/** A triage request about a comment that is not in the queue, or that is invalid. */
public class CommentRejected extends RuntimeException {

    private final boolean notFound;

    public CommentRejected(String message, boolean notFound) {
        super(message, null, false, false);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
