package io.adpulse.auth.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller's roles as the gateway sets them in {@code X-Adpulse-Roles} (comma separated). The
 * gateway strips any inbound {@code X-Adpulse-*} header first, so the value can be trusted.
 */
public final class Roles {

    /** Header carrying the signed-in user's roles. */
    public static final String HEADER = "X-Adpulse-Roles";
    /** Role that may run administrative operations such as key rotation. */
    public static final String ADMIN = "ADMIN";
    /** Role narrowed to the advertisers of its own client's brands. */
    public static final String CLIENT = "CLIENT";
    /**
     * Header carrying a CLIENT user's advertisers (comma separated), resolved by the gateway from the client's
     * brands; absent or empty means none.
     */
    public static final String ADVERTISERS_HEADER = "X-Adpulse-Advertisers";

    private Roles() {
    }

    /**
     * The advertisers the caller may see: {@code null} (all) unless {@code rolesHeader} names {@link #CLIENT}, in
     * which case those of {@code advertisersHeader}, none when it is absent or empty (fail closed).
     */
    public static Set<String> visibleAdvertisers(String rolesHeader, String advertisersHeader) {
        if (!names(rolesHeader, CLIENT)) {
            return null;
        }
        return advertisersHeader == null ? Set.of() : Arrays.stream(advertisersHeader.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Passes unless {@code header} names {@link #CLIENT}; a CLIENT user gets {@link ForbiddenException}. */
    public static void refuseClient(String header, String operation) {
        if (names(header, CLIENT)) {
            throw new ForbiddenException(operation + " is not open to the " + CLIENT + " role");
        }
    }

    private static boolean names(String header, String role) {
        return header != null && Arrays.stream(header.split(",")).map(String::strip).anyMatch(role::equalsIgnoreCase);
    }

    /** Passes when {@code header} names {@link #ADMIN} (case-insensitive); otherwise {@link ForbiddenException}. */
    public static void requireAdmin(String header) {
        boolean admin = header != null && Arrays.stream(header.split(","))
                .map(String::strip)
                .anyMatch(ADMIN::equalsIgnoreCase);
        if (!admin) {
            throw new ForbiddenException("This operation needs the " + ADMIN + " role (header " + HEADER + ")");
        }
    }
}
