package io.adpulse.auth.config;

import io.adpulse.auth.crypto.EnvelopeCipher;
import io.adpulse.auth.crypto.KeyProvider;
import io.adpulse.auth.crypto.KeyRing;
import io.adpulse.auth.crypto.KeyRingKeyProvider;
import io.adpulse.auth.crypto.TransitSealer;
import io.adpulse.events.TransitCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key rings from {@code ADPULSE_TOKEN_KEYS} and {@code ADPULSE_TRANSIT_KEYS}. A malformed key list
 * stops the service at startup with a message naming the setting and entry.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyProvider tokenKeyProvider(AuthProperties properties) {
        return new KeyRingKeyProvider(KeyRing.parse("adpulse.auth.token-keys (ADPULSE_TOKEN_KEYS)",
                properties.tokenKeys()));
    }

    @Bean
    EnvelopeCipher tokenCipher(KeyProvider tokenKeyProvider) {
        return new EnvelopeCipher(tokenKeyProvider);
    }

    @Bean
    TransitSealer transitSealer(AuthProperties properties) {
        try {
            return new TransitSealer(TransitCipher.parse(properties.transitKeys()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("adpulse.auth.transit-keys (ADPULSE_TRANSIT_KEYS): " + e.getMessage());
        }
    }
}
