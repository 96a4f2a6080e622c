package io.adpulse.ingest.command;

import io.adpulse.events.CommandResult;
import io.adpulse.events.EntityLevel;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.EntitySnapshot;
import io.adpulse.ingest.token.AccessToken;
import reactor.core.publisher.Mono;

/**
 * TikTok as commands need it, implemented by the TikTok adapter with the same rate limiters, circuit breakers, call
 * metric and API-error reporting as the sync. A write is sent once: it is retried only when TikTok refused it for its
 * rate limit (nothing was executed), never after a timeout or a server error, which might have been applied.
 */
public interface TikTokWriter {

    /**
     * The exact request {@link #send} would make for {@code call}: method, full URL and JSON body; never the token, and
     * the call's secrets only by their last characters ({@link TikTokCall#masked}).
     */
    CommandResult.TikTokRequest describe(TikTokCall call);

    /** Sends {@code call} with the connection's token; never fails: a failure is an answer that is not {@code ok}. */
    Mono<TikTokAnswer> send(CallOrigin origin, AccessToken token, TikTokCall call);

    /** One campaign, ad group or ad as TikTok lists it now (deleted ones included); empty when TikTok has no such id. */
    Mono<EntitySnapshot> read(CallOrigin origin, AccessToken token, EntityLevel level, String entityId);
}
