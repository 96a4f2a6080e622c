package io.adpulse.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.adpulse.identity.config.IdentitySettings;
import io.adpulse.identity.mfa.Totp;
import io.adpulse.identity.user.UserAccount;
import io.adpulse.identity.user.UserService;
import io.adpulse.identity.user.UserService.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in in two steps. The password step only records a {@link PendingSignIn} in the session; the session becomes
 * authenticated (and the authorization endpoint issues a code) only when a TOTP code is verified, or, for a user
 * without TOTP, when enrolment is confirmed with a code from the new secret. Failures of either step count towards
 * the lockout.
 */
@RestController
class SignInController {

    /** Shown for every failed password step: it does not tell an unknown user, a locked one and a wrong password apart. */
    static final String SIGN_IN_FAILED = "Sign-in failed. Check your username and password. After %d failed attempts"
            + " an account is locked for %d minutes.";
    static final String LOCKED = "Too many failed attempts: this account is locked for %d minutes.";
    /** The second factor's authority, in the style of Spring Security's {@code FACTOR_*} authorities. */
    static final String TOTP_FACTOR = "FACTOR_TOTP";
    static final String WRONG_CODE = "That code is not valid. Enter the current code from your authenticator app.";

    private final UserService users;
    private final Totp totp;
    private final IdentitySettings settings;
    private final SecurityContextRepository contexts;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignInController(UserService users, Totp totp, IdentitySettings settings, SecurityContextRepository contexts,
            SessionRegistry sessions, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.totp = totp;
        this.settings = settings;
        this.contexts = contexts;
        this.sessions = sessions;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String signInPage(HttpServletRequest request) {
        String message = request.getParameter("logout") != null ? "You have signed out." : null;
        return Pages.signIn(base(request), csrf(request), message, false);
    }

    @PostMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> password(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request) {
        String name = username.strip();
        if (users.checkPassword(name, password) != Outcome.OK) {
            return html(HttpStatus.UNAUTHORIZED, Pages.signIn(base(request), csrf(request), signInFailed(), true));
        }
        UserAccount user = users.find(name).orElseThrow();
        request.getSession();
        request.changeSessionId();
        request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(user.username(),
                !user.mfaEnrolled(), user.mfaEnrolled() ? null : totp.newSecret(), clock.instant()));
        return redirect(request, user.mfaEnrolled() ? "/login/totp" : "/login/enrol");
    }

    @GetMapping(value = "/login/totp", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> codePage(HttpServletRequest request) {
        PendingSignIn pending = pending(request);
        if (pending == null || pending.enrol()) {
            return redirect(request, pending == null ? "/login" : "/login/enrol");
        }
        return html(HttpStatus.OK, Pages.code(base(request), csrf(request), null));
    }

    @PostMapping(value = "/login/totp", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) {
        PendingSignIn pending = pending(request);
        if (pending == null || pending.enrol()) {
            return redirect(request, pending == null ? "/login" : "/login/enrol");
        }
        return switch (users.checkCode(pending.username(), code)) {
            case OK -> complete(pending, request, response);
            case LOCKED -> locked(request);
            case FAILED -> html(HttpStatus.UNAUTHORIZED, Pages.code(base(request), csrf(request), WRONG_CODE));
        };
    }

    @GetMapping(value = "/login/enrol", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> enrolPage(HttpServletRequest request) {
        PendingSignIn pending = pending(request);
        if (pending == null || !pending.enrol()) {
            return redirect(request, pending == null ? "/login" : "/login/totp");
        }
        return html(HttpStatus.OK, enrolPage(request, pending, null));
    }

    @PostMapping(value = "/login/enrol", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) {
        PendingSignIn pending = pending(request);
        if (pending == null || !pending.enrol()) {
            return redirect(request, pending == null ? "/login" : "/login/totp");
        }
        return switch (users.enrol(pending.username(), pending.enrolmentSecret(), code)) {
            case OK -> complete(pending, request, response);
            case LOCKED -> locked(request);
            case FAILED -> html(HttpStatus.UNAUTHORIZED, enrolPage(request, pending, WRONG_CODE));
        };
    }

    @GetMapping(value = "/invite", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> invitationPage(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
        return users.invitation(token)
                .map(u -> html(HttpStatus.OK, Pages.invitation(base(request), csrf(request), token, u.username(), null)))
                .orElseGet(() -> invitationInvalid(request));
    }

    @PostMapping(value = "/invite", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acceptInvitation(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
            HttpServletRequest request) {
        UserAccount invited = users.invitation(token).orElse(null);
        if (invited == null) {
            return invitationInvalid(request);
        }
        if (password.length() < 12 || password.length() > 128 || !password.equals(confirm)) {
            return html(HttpStatus.BAD_REQUEST, Pages.invitation(base(request), csrf(request), token, invited.username(),
                    "The password must be 12 to 128 characters and both entries must match."));
        }
        String username = users.acceptInvitation(token, password).orElse(null);
        if (username == null) {
            return invitationInvalid(request);
        }
        request.getSession();
        request.changeSessionId();
        request.getSession().setAttribute(PendingSignIn.ATTRIBUTE,
                new PendingSignIn(username, true, totp.newSecret(), clock.instant()));
        return redirect(request, "/login/enrol");
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication authentication, HttpServletRequest request) {
        return Pages.signedIn(base(request), csrf(request), authentication.getName());
    }

    /**
     * Both factors passed: the session gets the user's roles and one {@link FactorGrantedAuthority} per factor (their
     * times become the tokens' {@code auth_time}).
     */
    private ResponseEntity<String> complete(PendingSignIn pending, HttpServletRequest request,
            HttpServletResponse response) {
        UserAccount user = users.find(pending.username()).orElseThrow();
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(pending.passwordAt()).build());
        authorities.add(FactorGrantedAuthority.withAuthority(TOTP_FACTOR).issuedAt(clock.instant()).build());
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
                authorities);
        HttpSession session = request.getSession();
        session.removeAttribute(PendingSignIn.ATTRIBUTE);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.registerNewSession(request.getSession().getId(), authentication.getPrincipal());
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved instanceof DefaultSavedRequest original) {
            // Relative, so that it stays on the host and scheme the browser used (the gateway's).
            requestCache.removeRequest(request, response);
            String query = original.getQueryString();
            return ResponseEntity.status(HttpStatus.FOUND).header("Location",
                    original.getRequestURI() + (query == null ? "" : "?" + query)).build();
        }
        return redirect(request, settings.homeUrl().isBlank() ? "/" : settings.homeUrl());
    }

    private String enrolPage(HttpServletRequest request, PendingSignIn pending, String message) {
        return Pages.enrol(base(request), csrf(request), totp.qrDataUri(pending.username(), pending.enrolmentSecret()),
                pending.enrolmentSecret(), message);
    }

    private ResponseEntity<String> locked(HttpServletRequest request) {
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        return html(HttpStatus.UNAUTHORIZED, Pages.signIn(base(request), csrf(request),
                LOCKED.formatted(settings.lockout().duration().toMinutes()), true));
    }

    private ResponseEntity<String> invitationInvalid(HttpServletRequest request) {
        return html(HttpStatus.NOT_FOUND, Pages.page("Invitation not valid",
                "This invitation link has expired or was already used. Ask an administrator for a new one.", true,
                "<p><a href=\"" + base(request) + "/login\">Sign in</a></p>"));
    }

    private String signInFailed() {
        return SIGN_IN_FAILED.formatted(settings.lockout().maxFailures(), settings.lockout().duration().toMinutes());
    }

    private static PendingSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.ATTRIBUTE);
    }

    /** The path prefix under which the browser sees this service ({@code /idp} through the gateway). */
    private static String base(HttpServletRequest request) {
        return request.getContextPath();
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(body);
    }

    /** A redirect; a path is resolved against the context path (the gateway's {@code /idp} prefix). */
    private static ResponseEntity<String> redirect(HttpServletRequest request, String location) {
        String target = location.startsWith("/") ? request.getContextPath() + location : location;
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", target).build();
    }
}
