/**
 * Encryption of TikTok tokens. At rest every token is envelope-encrypted (AES-256-GCM under a fresh
 * data key, the data key wrapped by a master key from a {@link io.adpulse.auth.crypto.KeyProvider});
 * in transit the access token is sealed directly under the transit key ring that auth-service shares
 * with ingest-service. Every ciphertext names its key id, so keys can rotate without downtime: old ciphertexts open until
 * they are re-encrypted under the new key.
 * This package depends on nothing else in the service.
 */
package io.adpulse.auth.crypto;
