package io.adpulse.gateway.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings.
 *
 * @param adminUsername name of the seeded administrator ({@code ADPULSE_ADMIN_USERNAME}, default {@code admin})
 * @param adminPassword the administrator's password ({@code ADPULSE_ADMIN_PASSWORD}): plain text, or an
 *                      encoded value such as {@code {bcrypt}$2a$...}; plain text is hashed at startup and
 *                      never logged
 * @param accessLogEnabled whether every request is published on {@code audit.access.v1}
 */
@Validated
@ConfigurationProperties("adpulse.gateway")
public record GatewaySettings(@NotBlank String adminUsername, @NotBlank String adminPassword,
        boolean accessLogEnabled) {

    @Override
    public String toString() {
        return "GatewaySettings[adminUsername=" + adminUsername + ", adminPassword=<redacted>, accessLogEnabled="
                + accessLogEnabled + "]";
    }
}
