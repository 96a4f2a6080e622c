package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/** Inviting a user through the gateway's admin API and accepting the invitation in the browser (browser tests). */
final class Invitations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Invitations() {
    }

    /** Invites {@code username} with {@code role} as the stack's service account; answers the invitation link. */
    static String invite(AdpulseStack stack, String username, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.gatewayUrl() + "/api/identity/users/invitations"))
                .header("Authorization", stack.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"roles\":[\"" + role + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("invitationUrl").asString();
    }

    /** Opens the invitation link and chooses the password; the provider continues with TOTP enrolment. */
    static void accept(WebDriver driver, WebDriverWait wait, String link, String password) {
        driver.manage().deleteAllCookies();
        driver.get(link);
        wait.until(d -> !d.findElements(By.id("confirm")).isEmpty());
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("confirm")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
