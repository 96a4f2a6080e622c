package io.adpulse.reporting.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks advertiser and entity id request parameters: TikTok ids are non-blank strings of at most 128
 * characters, without control characters.
 */
public final class AdvertiserIds {

    private static final int MAX_LENGTH = 128;

    private AdvertiserIds() {
    }

    /** The id, stripped; a 400 when it is missing, blank or too long. */
    public static String require(String advertiserId) {
        if (advertiserId == null || advertiserId.isBlank()) {
            throw new InvalidRequestException("'advertiserId' is required");
        }
        return check("advertiserId", advertiserId);
    }

    /** The id stripped, or {@code null} when absent; a 400 when it is blank or too long. */
    public static String optional(String advertiserId) {
        return advertiserId == null ? null : check("advertiserId", advertiserId);
    }

    /** Most advertisers one request may name. */
    public static final int MAX_COUNT = 100;

    /**
     * Several advertiser ids (the parameter repeated, or comma separated), each checked, stripped and
     * de-duplicated in order; an empty list when none is named; a 400 when over {@value #MAX_COUNT}.
     */
    public static List<String> several(List<String> advertiserIds) {
        if (advertiserIds == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : advertiserIds) {
            ids.add(check("advertiserId", id));
        }
        if (ids.size() > MAX_COUNT) {
            throw new InvalidRequestException("at most " + MAX_COUNT + " advertisers may be named, got " + ids.size());
        }
        return List.copyOf(ids);
    }

    /** The id named {@code parameter}, stripped; a 400 when it is blank, too long or holds a control character. */
    public static String check(String parameter, String value) {
        String id = value.strip();
        if (id.isEmpty()) {
            throw new InvalidRequestException("'" + parameter + "' must not be blank");
        }
        if (id.length() > MAX_LENGTH) {
            throw new InvalidRequestException("'" + parameter + "' must be at most " + MAX_LENGTH + " characters");
        }
        // PostgreSQL refuses a NUL in text (a 500 otherwise); no id has control characters.
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("'" + parameter + "' must not contain control characters");
        }
        return id;
    }
}
