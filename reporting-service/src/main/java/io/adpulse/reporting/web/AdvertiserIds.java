package io.adpulse.reporting.web;

/** Checks an advertiser id request parameter: TikTok ids are non-blank strings of at most 128 characters. */
public final class AdvertiserIds {

    private static final int MAX_LENGTH = 128;

    private AdvertiserIds() {
    }

    /** The id, stripped; a 400 when it is missing, blank or too long. */
    public static String require(String advertiserId) {
        if (advertiserId == null || advertiserId.isBlank()) {
            throw new InvalidRequestException("'advertiserId' is required");
        }
        return check(advertiserId);
    }

    /** The id stripped, or {@code null} when absent; a 400 when it is blank or too long. */
    public static String optional(String advertiserId) {
        return advertiserId == null ? null : check(advertiserId);
    }

    private static String check(String advertiserId) {
        String id = advertiserId.strip();
        if (id.isEmpty()) {
            throw new InvalidRequestException("'advertiserId' must not be blank");
        }
        if (id.length() > MAX_LENGTH) {
            throw new InvalidRequestException("'advertiserId' must be at most " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
