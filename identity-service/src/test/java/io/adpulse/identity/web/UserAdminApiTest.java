package io.adpulse.identity.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.adpulse.identity.IdentityTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class UserAdminApiTest extends IdentityTestBase {

    @Test
    void listsUsersForAdministratorsWithoutSecrets() throws Exception {
        mvc.perform(admin(get("/api/identity/users"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("admin")))
                .andExpect(content().string(not(containsString("password"))))
                .andExpect(content().string(not(containsString("totp"))));
    }

    @Test
    void refusesCallersWithoutTheAdminRole() throws Exception {
        mvc.perform(get("/api/identity/users")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("ADMIN")));
        mvc.perform(post("/api/identity/users/admin/disable").header(Caller.ACTOR_HEADER, "olga")
                        .header(Caller.ROLES_HEADER, "OPERATOR,ONCALL"))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsInvalidInvitationsWithTheReason() throws Exception {
        invite("{\"username\":\"Bad Name\",\"roles\":[\"OPERATOR\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("username")));
        invite("{\"username\":\"norole\",\"roles\":[]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("roles")));
        invite("{\"username\":\"who\",\"roles\":[\"KING\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("ADMIN, OPERATOR")));
        invite("{\"username\":\"clientless\",\"roles\":[\"CLIENT\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("client id")));
        invite("{\"username\":\"operator-with-client\",\"roles\":[\"OPERATOR\"],\"client\":\"acme\"}")
                .andExpect(status().isBadRequest());
        invite("{\"username\":\"admin\",\"roles\":[\"OPERATOR\"]}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersNotFoundForUnknownUsersAndRefusesSelfDisable() throws Exception {
        mvc.perform(admin(post("/api/identity/users/ghost/unlock"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("ghost")));
        mvc.perform(admin(post("/api/identity/users/admin/disable"))).andExpect(status().isConflict());
    }

    private org.springframework.test.web.servlet.ResultActions invite(String body) throws Exception {
        return mvc.perform(admin(post("/api/identity/users/invitations")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header(Caller.ACTOR_HEADER, "admin").header(Caller.ROLES_HEADER, "ADMIN");
    }
}
