package io.adpulse.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.adpulse.identity.config.IdentitySettings;
import io.adpulse.identity.user.Role;
import io.adpulse.identity.user.Status;
import io.adpulse.identity.user.UserAccount;
import io.adpulse.identity.user.UserService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * User management for administrators, through the gateway at {@code /api/identity/users}: list, invite, disable,
 * enable, reset MFA (the user enrols again at the next sign-in), unlock.
 */
@RestController
@RequestMapping("/api/identity/users")
class UserAdminController {

    private final UserService users;
    private final IdentitySettings settings;
    private final Clock clock;

    UserAdminController(UserService users, IdentitySettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** A user as the API shows it: never a password hash or a TOTP secret. */
    record UserView(String username, List<Role> roles, String client, Status status, boolean mfaEnrolled,
            Instant lockedUntil) {
    }

    /**
     * An invitation request.
     *
     * @param username lower-case letters, digits, dot, dash, underscore; 2 to 64
     * @param roles    at least one
     * @param client   the reporting-service client id; required for, and only for, CLIENT users
     */
    record InviteRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                    message = "must be 2 to 64 lower-case letters, digits, '.', '-' or '_'") String username,
            @NotEmpty List<@NotNull Role> roles,
            @Size(min = 1, max = 128) String client) {
    }

    /** The answer to an invitation: the link to hand to the user, once, and when it expires. */
    record InvitationView(UserView user, String invitationUrl, Instant expiresAt) {
    }

    @GetMapping
    List<UserView> list(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles) {
        Caller.of(actor, roles).requireAdmin();
        return users.list().stream().map(this::view).toList();
    }

    @PostMapping("/invitations")
    ResponseEntity<InvitationView> invite(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @Valid @RequestBody InviteRequest request) {
        Caller.of(actor, roles).requireAdmin();
        boolean clientRole = request.roles().contains(Role.CLIENT);
        if (clientRole != (request.client() != null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, clientRole
                    ? "a CLIENT user needs 'client', the reporting-service client id it belongs to"
                    : "'client' is only for users with the role CLIENT");
        }
        UserService.Invitation invitation = users.invite(request.username(), request.roles(), request.client())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "a user named " + request.username() + " already exists"));
        URI link = UriComponentsBuilder.fromUriString(settings.issuer()).path("/invite")
                .queryParam("token", invitation.token()).build().toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/identity/users/" + request.username()))
                .body(new InvitationView(view(invitation.user()), link.toString(), invitation.expiresAt()));
    }

    @PostMapping("/{username}/disable")
    UserView disable(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles, @PathVariable String username) {
        Caller caller = Caller.of(actor, roles).requireAdmin();
        UserAccount user = existing(username);
        if (user.username().equals(caller.actor())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "you cannot disable your own account");
        }
        users.setStatus(username, Status.DISABLED);
        return view(existing(username));
    }

    @PostMapping("/{username}/enable")
    UserView enable(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles, @PathVariable String username) {
        Caller.of(actor, roles).requireAdmin();
        UserAccount user = existing(username);
        if (user.status() == Status.INVITED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    username + " has not accepted the invitation yet; there is nothing to enable");
        }
        users.setStatus(username, Status.ACTIVE);
        return view(existing(username));
    }

    @PostMapping("/{username}/reset-mfa")
    UserView resetMfa(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles, @PathVariable String username) {
        Caller.of(actor, roles).requireAdmin();
        existing(username);
        users.resetMfa(username);
        return view(existing(username));
    }

    @PostMapping("/{username}/unlock")
    UserView unlock(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles, @PathVariable String username) {
        Caller.of(actor, roles).requireAdmin();
        existing(username);
        users.unlock(username);
        return view(existing(username));
    }

    private UserAccount existing(String username) {
        return users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no user named " + (username.length() > 64 ? username.substring(0, 64) + "…" : username)));
    }

    private UserView view(UserAccount user) {
        Instant lockedUntil = user.lockedAt(clock.instant()) ? user.lockedUntil() : null;
        return new UserView(user.username(), user.roles(), user.client(), user.status(), user.mfaEnrolled(),
                lockedUntil);
    }
}
