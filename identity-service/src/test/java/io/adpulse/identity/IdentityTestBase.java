package io.adpulse.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.adpulse.identity.mfa.Totp;
import io.adpulse.identity.user.Role;
import io.adpulse.identity.user.UserService;
import io.adpulse.testsupport.EmbeddedPostgresServer;
import io.adpulse.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context of identity-service's tests, on the shared embedded PostgreSQL, with helpers that drive the
 * sign-in pages like a browser and compute codes with the same TOTP library.
 */
@SpringBootTest(properties = {
        "adpulse.identity.admin-username=admin",
        "adpulse.identity.admin-password=admin-password-1",
        "adpulse.identity.service-accounts[0].client-id=launcher",
        "adpulse.identity.service-accounts[0].client-secret=launcher-secret",
        "adpulse.identity.service-accounts[0].roles=ADMIN",
        "adpulse.identity.lockout.max-failures=5",
        "adpulse.identity.home-url="})
@AutoConfigureMockMvc
public abstract class IdentityTestBase {

    protected static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>");

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected UserService users;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        EmbeddedPostgresServer pg = SharedInfrastructure.postgres();
        pg.createDatabase("identity");
        r.add("spring.datasource.url", () -> pg.jdbcUrl("identity"));
        r.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        r.add("spring.datasource.password", () -> EmbeddedPostgresServer.PASSWORD);
        r.add("spring.flyway.url", () -> pg.jdbcUrl("identity"));
        r.add("spring.flyway.user", () -> EmbeddedPostgresServer.USER);
        r.add("spring.flyway.password", () -> EmbeddedPostgresServer.PASSWORD);
    }

    /** A fresh ACTIVE user with {@link #PASSWORD}, not enrolled in MFA. */
    protected String newUser(List<Role> roles, String client) {
        String name = "user" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        UserService.Invitation invitation = users.invite(name, roles, client).orElseThrow();
        users.acceptInvitation(invitation.token(), PASSWORD).orElseThrow();
        return name;
    }

    /** Signs in with the password and confirms enrolment; answers the new TOTP secret. */
    protected String enrol(MockHttpSession session, String username) throws Exception {
        mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
                .param("password", PASSWORD)).andExpect(status().isFound()).andExpect(redirectedUrl("/login/enrol"));
        String secret = secretOnPage(session);
        mvc.perform(post("/login/enrol").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(status().isFound());
        return secret;
    }

    protected String secretOnPage(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/login/enrol").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no TOTP key on the enrolment page");
        }
        return m.group(1);
    }

    /** The code for the current time step plus {@code offset} steps (one step either side is accepted). */
    protected static String code(String secret, int offset) throws CodeGenerationException {
        long step = System.currentTimeMillis() / 1000 / Totp.PERIOD_SECONDS + offset;
        return new DefaultCodeGenerator().generate(secret, step);
    }
}
