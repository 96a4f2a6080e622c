package io.adpulse.auth.oauth;

/** An OAuth callback failed for {@link #failure()}; the message is the human detail shown to the operator. */
class CallbackFailedException extends RuntimeException {

    private final CallbackFailure failure;

    CallbackFailedException(CallbackFailure failure, String detail) {
        super(detail);
        this.failure = failure;
    }

    CallbackFailure failure() {
        return failure;
    }
}
