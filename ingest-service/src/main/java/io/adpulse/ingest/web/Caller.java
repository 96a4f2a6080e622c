package io.adpulse.ingest.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the caller may see, as the gateway says (it strips any inbound {@code X-Adpulse-*} header first, so the
 * values can be trusted). A caller with the CLIENT role in {@code X-Adpulse-Roles} sees only the advertisers in
 * {@code X-Adpulse-Advertisers} (comma separated, those of its client's brands), none when the header is absent or
 * empty (fail closed); every other caller sees everything.
 *
 * @param client        whether the caller has the CLIENT role
 * @param advertiserIds the advertisers a CLIENT caller may see; {@code null} for every other caller
 */
record Caller(boolean client, Set<String> advertiserIds) {

    static final String ROLES_HEADER = "X-Adpulse-Roles";
    static final String ADVERTISERS_HEADER = "X-Adpulse-Advertisers";
    static final String CLIENT = "CLIENT";

    static Caller of(String roles, String advertisers) {
        boolean client = split(roles).stream().anyMatch(CLIENT::equalsIgnoreCase);
        return new Caller(client, client ? split(advertisers) : null);
    }

    private static Set<String> split(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller may see the advertiser's connection. */
    boolean sees(String advertiserId) {
        return advertiserIds == null || advertiserIds.contains(advertiserId);
    }
}
