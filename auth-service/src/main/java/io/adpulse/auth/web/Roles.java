package io.adpulse.auth.web;

import java.util.Arrays;

/**
 * The caller's roles as the gateway sets them in {@code X-Adpulse-Roles} (comma separated). The
 * gateway strips any inbound {@code X-Adpulse-*} header first, so the value can be trusted.
 */
public final class Roles {

    /** Header carrying the signed-in user's roles. */
    public static final String HEADER = "X-Adpulse-Roles";
    /** Role that may run administrative operations such as key rotation. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
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
