package io.adpulse.ingest.posting;

/** A post that cannot be made as asked (unknown connection or video, a missing choice): the caller's mistake. */
public class PostRejected extends RuntimeException {

    private final boolean notFound;

    public PostRejected(String message, boolean notFound) {
        super(message, null, false, false);
        this.notFound = notFound;
    }

    /** Whether something named does not exist (404) rather than the request being invalid (400). */
    public boolean notFound() {
        return notFound;
    }
}
