package io.adpulse.sandbox.api;

/** An error TikTok would answer inside its envelope (HTTP 200, non-zero code). */
public class ApiException extends RuntimeException {

    private final int code;

    public ApiException(ApiError error) {
        this(error.code(), error.message());
    }

    public ApiException(ApiError error, String message) {
        this(error.code(), message);
    }

    public ApiException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A 40002 naming the offending parameter. */
    public static ApiException param(String parameter, String problem) {
        return new ApiException(ApiError.PARAM_ERROR, parameter + ": " + problem);
    }

    public int code() {
        return code;
    }
}
