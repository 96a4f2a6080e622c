package io.adpulse.identity.user;

import java.time.Instant;
import java.util.List;

/**
 * A user as stored. {@code totpSecret} is sealed (never plain here); {@code passwordHash} is bcrypt.
 */
public record UserAccount(String username, String passwordHash, List<Role> roles, String client, Status status,
        String totpSecret, long totpLastStep, int failedAttempts, Instant lockedUntil, Instant invitationExpires) {

    public boolean mfaEnrolled() {
        return totpSecret != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", roles=" + roles + ", status=" + status + "]";
    }
}
