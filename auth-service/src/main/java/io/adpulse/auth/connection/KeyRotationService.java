package io.adpulse.auth.connection;

import io.adpulse.auth.crypto.CryptoException;
import io.adpulse.auth.crypto.KeyProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-encrypts every stored token under the active master key, while the service keeps running.
 *
 * <p>Rotation: put the new key first in {@code ADPULSE_TOKEN_KEYS} (keeping the old one after it)
 * and restart or redeploy; new tokens are encrypted under the new key at once and old ones still
 * decrypt. Then run this (the admin endpoint) and, once its report lists no token under the old key,
 * remove the old key. Each row is replaced with one conditional update, so a token refreshed or
 * re-authorised during the run is never overwritten; running it twice is harmless. A token whose
 * key is already gone cannot be decrypted: it is reported, left untouched, and its account must be
 * reconnected (or the key restored).
 */
@Service
public class KeyRotationService {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationService.class);

    private final TokenVault tokens;
    private final KeyProvider keys;

    KeyRotationService(TokenVault tokens, KeyProvider keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /** Re-encrypts every token not yet under the active key; reports what it did. */
    public Mono<KeyRotationReport> reencryptAll() {
        String active = keys.activeKeyId();
        AtomicLong examined = new AtomicLong();
        AtomicLong reencrypted = new AtomicLong();
        AtomicLong current = new AtomicLong();
        List<KeyRotationReport.Failure> failed = new ArrayList<>();
        // Read every row first (a few hundred bytes each), so no result stream stays open on a pooled
        // connection while the rows are re-encrypted and written.
        return tokens.allEncrypted()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .doOnNext(token -> examined.incrementAndGet())
                .concatMap(token -> {
                    if (active.equals(token.secret().keyId())) {
                        current.incrementAndGet();
                        return Mono.empty();
                    }
                    return tokens.reencrypt(token)
                            .doOnNext(replaced -> (replaced ? reencrypted : current).incrementAndGet())
                            .onErrorResume(CryptoException.class, e -> {
                                log.warn("Token {} of connection {} stays under master key {}: {}",
                                        token.tokenType(), token.connectionId(), token.secret().keyId(), e.getMessage());
                                synchronized (failed) {
                                    failed.add(new KeyRotationReport.Failure(token.connectionId(), token.tokenType(),
                                            token.secret().keyId(), e.getMessage() + ". Put master key '"
                                                    + token.secret().keyId() + "' back into ADPULSE_TOKEN_KEYS and "
                                                    + "rotate again, or disconnect and reconnect the account."));
                                }
                                return Mono.empty();
                            });
                })
                .then(Mono.defer(tokens::countByKeyId))
                .map(byKey -> {
                    log.info("Token key rotation to {}: {} examined, {} re-encrypted, {} already current, {} failed",
                            active, examined.get(), reencrypted.get(), current.get(), failed.size());
                    synchronized (failed) {
                        return new KeyRotationReport(active, examined.get(), reencrypted.get(), current.get(),
                                failed, byKey);
                    }
                });
    }

    /** The active key and how many tokens each master key protects, without changing anything. */
    public Mono<KeyRotationReport> status() {
        return tokens.countByKeyId().map(byKey -> new KeyRotationReport(keys.activeKeyId(),
                byKey.values().stream().mapToLong(Long::longValue).sum(), 0,
                byKey.getOrDefault(keys.activeKeyId(), 0L), List.of(), byKey));
    }
}
