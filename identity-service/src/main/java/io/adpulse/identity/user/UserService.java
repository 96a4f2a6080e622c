package io.adpulse.identity.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.adpulse.identity.config.IdentitySettings;
import io.adpulse.identity.mfa.SecretSealer;
import io.adpulse.identity.mfa.Totp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in rules: passwords (bcrypt), TOTP codes, lockout after consecutive failures of either, invitations, and the
 * admin operations. Outcomes never tell an unknown user from a wrong password.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    /** A bcrypt hash to compare against when the user is unknown, so both cases take the same time. */
    private final String dummyHash;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecretSealer sealer;
    private final Totp totp;
    private final IdentitySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserService(UserRepository users, PasswordEncoder encoder, SecretSealer sealer, Totp totp,
            IdentitySettings settings, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.sealer = sealer;
        this.totp = totp;
        this.settings = settings;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-" + random.nextLong());
    }

    /** Outcome of one sign-in step. */
    public enum Outcome { OK, FAILED, LOCKED }

    /** The administrator from configuration, created once, with MFA still to enrol. */
    @EventListener(ApplicationReadyEvent.class)
    public void seedAdmin() {
        String password = settings.adminPassword();
        if (password == null || password.isBlank()) {
            return;
        }
        String hash = password.startsWith("{") ? password : encoder.encode(password);
        if (users.insert(settings.adminUsername(), hash, List.of(Role.ADMIN), null, Status.ACTIVE, null, null)) {
            log.info("Seeded administrator {}; TOTP enrolment is due at the first sign-in", settings.adminUsername());
        }
    }

    /**
     * Checks a password. OK only for an ACTIVE, unlocked user with that password; any other case is FAILED (and
     * counts towards lockout when the user exists), so the answer does not reveal whether the user exists.
     */
    public Outcome checkPassword(String username, String password) {
        Optional<UserAccount> found = username == null ? Optional.empty() : users.find(username.strip());
        String hash = found.map(UserAccount::passwordHash).orElse(null);
        boolean matches = encoder.matches(password == null ? "" : password, hash == null ? dummyHash : hash)
                && hash != null;
        if (found.isEmpty()) {
            return Outcome.FAILED;
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.lockedAt(now) || user.status() != Status.ACTIVE) {
            return Outcome.FAILED;
        }
        if (!matches) {
            return fail(user.username());
        }
        users.clearFailures(user.username());
        return Outcome.OK;
    }

    /** Checks a TOTP code of an enrolled user who passed the password step. */
    public Outcome checkCode(String username, String code) {
        UserAccount user = users.find(username).orElse(null);
        if (user == null || user.status() != Status.ACTIVE || !user.mfaEnrolled()) {
            return Outcome.FAILED;
        }
        if (user.lockedAt(clock.instant())) {
            return Outcome.LOCKED;
        }
        OptionalLong step = totp.verify(sealer.open(user.totpSecret()), code, user.totpLastStep());
        if (step.isPresent() && users.acceptStep(username, step.getAsLong())) {
            return Outcome.OK;
        }
        return fail(username);
    }

    /** Confirms enrolment: the code must match the new secret, which is then stored sealed. */
    public Outcome enrol(String username, String secret, String code) {
        UserAccount user = users.find(username).orElse(null);
        if (user == null || user.status() != Status.ACTIVE || user.mfaEnrolled()) {
            return Outcome.FAILED;
        }
        if (user.lockedAt(clock.instant())) {
            return Outcome.LOCKED;
        }
        OptionalLong step = totp.verify(secret, code, 0);
        if (step.isEmpty()) {
            return fail(username);
        }
        users.enrol(username, sealer.seal(secret), step.getAsLong());
        return Outcome.OK;
    }

    private Outcome fail(String username) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = users.recordFailure(username, settings.lockout().maxFailures(),
                now.plus(settings.lockout().duration()));
        return lockedUntil.filter(t -> t.isAfter(now)).isPresent() ? Outcome.LOCKED : Outcome.FAILED;
    }

    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    /** An invitation: the one-time token (only its hash is stored) and when it expires. */
    public record Invitation(UserAccount user, String token, Instant expiresAt) {
    }

    /** Creates an INVITED user; empty when the name is taken. */
    public Optional<Invitation> invite(String username, List<Role> roles, String client) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(settings.invitationTtl());
        if (!users.insert(username, null, roles, client, Status.INVITED, hash(token), expires)) {
            return Optional.empty();
        }
        return users.find(username).map(u -> new Invitation(u, token, expires));
    }

    /** The invited user a still valid invitation token belongs to. */
    public Optional<UserAccount> invitation(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return users.findByInvitation(hash(token))
                .filter(u -> u.status() == Status.INVITED && u.invitationExpires() != null
                        && u.invitationExpires().isAfter(now));
    }

    /** Sets the password of the invited user; the invitation cannot be used again. */
    public Optional<String> acceptInvitation(String token, String password) {
        Optional<UserAccount> invited = invitation(token);
        if (invited.isEmpty() || !users.acceptInvitation(hash(token), encoder.encode(password))) {
            return Optional.empty();
        }
        return invited.map(UserAccount::username);
    }

    public void setStatus(String username, Status status) {
        users.setStatus(username, status);
    }

    public void resetMfa(String username) {
        users.resetMfa(username);
    }

    public void unlock(String username) {
        users.unlock(username);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
