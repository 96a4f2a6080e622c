package io.adpulse.audit.capture;

/** How the stored payload copy represents the record value. */
public enum PayloadEncoding {
    /** Canonical JSON (keys sorted, no insignificant whitespace), secret-named fields redacted. */
    JSON,
    /** UTF-8 text that is not JSON, kept as it came with secret-named {@code "key": value} pairs redacted. */
    TEXT,
    /** Base64 of a value that is not storable text (invalid UTF-8 or NUL characters); cannot be redacted. */
    BASE64,
    /** No value: a tombstone. */
    NONE
}
