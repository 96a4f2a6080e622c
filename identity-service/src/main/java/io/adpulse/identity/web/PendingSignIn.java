package io.adpulse.identity.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * A browser between the password step and the TOTP step: it is not authenticated (no authorization code is issued)
 * until the code is verified. {@code enrolmentSecret} is the not yet confirmed secret shown for enrolment;
 * {@code passwordAt} when the password was verified (the first factor's time).
 */
record PendingSignIn(String username, boolean enrol, String enrolmentSecret, Instant passwordAt) implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();
}
