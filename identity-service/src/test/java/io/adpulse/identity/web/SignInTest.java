package io.adpulse.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.adpulse.identity.IdentityTestBase;
import io.adpulse.identity.user.Role;
import io.adpulse.identity.user.Status;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

class SignInTest extends IdentityTestBase {

    private static final String ADMIN_HEADERS_ROLES = "ADMIN";

    @Test
    void seedsTheAdministratorWithoutMfa() {
        assertThat(users.find("admin")).hasValueSatisfying(admin -> {
            assertThat(admin.roles()).containsExactly(Role.ADMIN);
            assertThat(admin.status()).isEqualTo(Status.ACTIVE);
            assertThat(admin.mfaEnrolled()).isFalse();
        });
    }

    @Test
    void aPasswordAloneDoesNotSignInAUserWhoMustEnrol() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
        mvc.perform(get("/").session(session)).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/login/totp").session(session)).andExpect(redirectedUrl("/login/enrol"));
        mvc.perform(get("/login/enrol").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")));
    }

    @Test
    void enrolmentNeedsACodeFromTheNewSecretAndThenSignsIn() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
        String secret = secretOnPage(session);
        mvc.perform(post("/login/enrol").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnauthorized()).andExpect(content().string(containsString("not valid")));
        assertThat(users.find(user).orElseThrow().mfaEnrolled()).isFalse();
        mvc.perform(post("/login/enrol").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(redirectedUrl("/"));
        assertThat(users.find(user).orElseThrow().mfaEnrolled()).isTrue();
        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("signed in as " + user)));
    }

    @Test
    void anEnrolledUserSignsInWithPasswordAndCurrentCodeOnlyOnce() throws Exception {
        String user = newUser(List.of(Role.AUDITOR), null);
        String secret = enrol(new MockHttpSession(), user);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/").session(session)).andExpect(header().string("Location", endsWith("/login")));
        String next = code(secret, 1);
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", next))
                .andExpect(status().isFound());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        MockHttpSession replay = new MockHttpSession();
        mvc.perform(post("/login").session(replay).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").session(replay).with(csrf()).param("code", next))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        String wrong = mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "nope"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + user)
                        .param("password", "nope"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(message(wrong)).isEqualTo(message(unknown)).contains("Sign-in failed");
    }

    @Test
    void fiveWrongCodesLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String user = newUser(List.of(Role.ONCALL), null);
        String secret = enrol(new MockHttpSession(), user);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/totp"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "000000"))
                    .andExpect(content().string(containsString("not valid")));
        }
        mvc.perform(post("/login/totp").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("locked for 15 minutes")));
        assertThat(users.find(user).orElseThrow().lockedUntil()).isNotNull();

        String lockedAnswer = mvc.perform(post("/login").with(csrf()).param("username", user)
                        .param("password", PASSWORD))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(lockedAnswer).contains("Sign-in failed");

        mvc.perform(post("/api/identity/users/" + user + "/unlock").header(Caller.ACTOR_HEADER, "admin")
                        .header(Caller.ROLES_HEADER, ADMIN_HEADERS_ROLES))
                .andExpect(status().isOk());
        MockHttpSession again = new MockHttpSession();
        mvc.perform(post("/login").session(again).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").session(again).with(csrf()).param("code", code(secret, 1)))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "wrong-" + i))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(status().isUnauthorized());
        assertThat(users.find(user).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        mvc.perform(post("/api/identity/users/" + user + "/disable").header(Caller.ACTOR_HEADER, "admin")
                        .header(Caller.ROLES_HEADER, ADMIN_HEADERS_ROLES))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"status\":\"DISABLED\"")));
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/identity/users/" + user + "/enable").header(Caller.ACTOR_HEADER, "admin")
                        .header(Caller.ROLES_HEADER, ADMIN_HEADERS_ROLES))
                .andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
    }

    @Test
    void resetMfaForcesEnrolmentAgain() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        enrol(new MockHttpSession(), user);
        mvc.perform(post("/api/identity/users/" + user + "/reset-mfa").header(Caller.ACTOR_HEADER, "admin")
                        .header(Caller.ROLES_HEADER, ADMIN_HEADERS_ROLES))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"mfaEnrolled\":false")));
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
    }

    @Test
    void anInvitationSetsAPasswordOnceAndLeadsToEnrolment() throws Exception {
        String name = "invitee-" + System.nanoTime() % 100000;
        String answer = mvc.perform(post("/api/identity/users/invitations").header(Caller.ACTOR_HEADER, "admin")
                        .header(Caller.ROLES_HEADER, ADMIN_HEADERS_ROLES).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"roles\":[\"CLIENT\"],\"client\":\"acme\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"status\":\"INVITED\"").contains("http://localhost:8086/invite?token=");
        String token = answer.replaceAll(".*invite\\?token=([A-Za-z0-9_-]+).*", "$1");

        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", PASSWORD))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/invite").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/invite").with(csrf()).param("token", token).param("password", "short")
                        .param("confirm", "short"))
                .andExpect(status().isBadRequest());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/invite").session(session).with(csrf()).param("token", token).param("password", PASSWORD)
                        .param("confirm", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
        mvc.perform(post("/login/enrol").session(session).with(csrf()).param("code", code(secretOnPage(session), 0)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/invite").param("token", token)).andExpect(status().isNotFound());
        assertThat(users.find(name).orElseThrow().status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        MockHttpSession session = new MockHttpSession();
        enrol(session, user);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(session)).andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void behindTheGatewayPagesAndRedirectsKeepTheIdpPrefix() throws Exception {
        String user = newUser(List.of(Role.OPERATOR), null);
        mvc.perform(get("/login").header("X-Forwarded-Prefix", "/idp"))
                .andExpect(content().string(containsString("action=\"/idp/login\"")));
        mvc.perform(post("/login").header("X-Forwarded-Prefix", "/idp").with(csrf()).param("username", user)
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/idp/login/enrol"));
    }

    private static String message(String page) {
        return page.replaceAll("(?s).*<div role=\"alert\" class=\"error\" id=\"message\">(.*?)</div>.*", "$1");
    }
}
