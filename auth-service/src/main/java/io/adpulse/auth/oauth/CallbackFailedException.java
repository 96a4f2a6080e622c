package io.adpulse.auth.oauth;

/**
 * An OAuth callback failed for {@link #failure()}; the message is the human detail shown to the operator.
 * {@link #operator()} is the operator bound to the callback's state when the state was found, else null.
 */
class CallbackFailedException extends RuntimeException {

    private final CallbackFailure failure;
    private final String operator;

    CallbackFailedException(CallbackFailure failure, String detail) {
        this(failure, detail, null);
    }

    CallbackFailedException(CallbackFailure failure, String detail, String operator) {
        super(detail);
        this.failure = failure;
        this.operator = operator;
    }

    CallbackFailure failure() {
        return failure;
    }

    /** The operator who started the flow, when the state was known; null otherwise. */
    String operator() {
        return operator;
    }

    /** This failure attributed to {@code owner} (the state's operator), unless it already names one. */
    CallbackFailedException attributedTo(String owner) {
        return operator != null || owner == null ? this : new CallbackFailedException(failure, getMessage(), owner);
    }
}
