package io.adpulse.identity.config;

import java.time.Clock;

import io.adpulse.identity.mfa.SecretSealer;
import io.adpulse.identity.mfa.Totp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Plain beans shared by sign-in, the admin API and the authorization server. */
@Configuration(proxyBeanMethods = false)
class IdentityBeans {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** bcrypt for new hashes ({@code {bcrypt}...}); also checks client secrets. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecretSealer secretSealer(IdentitySettings settings) {
        return new SecretSealer(settings.mfaKeys());
    }

    @Bean
    Totp totp(Clock clock) {
        return new Totp("Adpulse", clock);
    }
}
