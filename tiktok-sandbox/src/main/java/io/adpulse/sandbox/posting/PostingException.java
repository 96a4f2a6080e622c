package io.adpulse.sandbox.posting;

import org.springframework.http.HttpStatus;

/** A Content Posting API error: TikTok v2's string code with its HTTP status. */
class PostingException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    PostingException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static PostingException invalidParams(String message) {
        return new PostingException(HttpStatus.BAD_REQUEST, "invalid_params", message);
    }

    static PostingException invalidUpload(String message) {
        return new PostingException(HttpStatus.BAD_REQUEST, "invalid_file_upload", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
