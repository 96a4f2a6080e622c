package io.adpulse.sandbox.api;

import java.util.Arrays;

/** TikTok API for Business error codes the sandbox answers, with TikTok-like default messages. */
public enum ApiError {
    PERMISSION_ERROR(40001, "No permission to operate the requested advertiser."),
    PARAM_ERROR(40002, "Invalid parameters."),
    NOT_EXIST(40007, "The requested object does not exist."),
    ID_LIMIT_EXCEEDED(40011, "Too many ids in the request."),
    QUERY_TOO_LARGE(40067, "Your query is too large, please reduce the query size (e.g. fewer metrics or time range)."),
    REQUEST_TOO_FREQUENT(40100, "Too many requests. Please retry in some time."),
    INVALID_PARTNER(40101, "The app_id or secret is invalid."),
    EMPTY_ACCESS_TOKEN(40104, "Access token is null, you should set it in http header with key Access-Token."),
    INVALID_ACCESS_TOKEN(40105, "Access token is incorrect or has been revoked."),
    AUTH_CODE_ERROR(40110, "Auth code is invalid, already used or expired."),
    ADVERTISER_LIMIT(40133, "Advertiser QPS reaches the limit for current path, request is temporarily restricted."),
    SYSTEM_ERROR(50000, "System error."),
    SYSTEM_TIMEOUT(50002, "System timeout, please try again later."),
    MAINTENANCE(60001, "The service is under maintenance, please try again later.");

    private final int code;
    private final String message;

    ApiError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** TikTok's message for a code, or a generic one for codes the sandbox does not otherwise produce. */
    public static String messageFor(int code) {
        return Arrays.stream(values()).filter(error -> error.code == code).findFirst()
                .map(ApiError::message).orElse("Error " + code + ".");
    }
}
