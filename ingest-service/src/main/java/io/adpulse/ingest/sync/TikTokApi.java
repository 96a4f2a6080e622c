package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.ingest.token.AccessToken;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The TikTok API for Business as a sync needs it. Implementations own timeouts, retries, rate limits and
 * circuit breakers, count every HTTP attempt on the callers' tallies and report every call that finally
 * fails as an API error for each calling connection; the returned error ends the sync step.
 */
public interface TikTokApi {

    /** The most advertisers one {@code /advertiser/info/} call may ask for. */
    int MAX_ADVERTISERS_PER_CALL = 100;

    /**
     * The advertisers of {@code callers} (at most {@link #MAX_ADVERTISERS_PER_CALL}), all authorised by
     * {@code token}, in one call. Advertisers TikTok does not return are absent from the list.
     */
    Mono<List<AdvertiserInfo>> advertisers(List<CallOrigin> callers, AccessToken token);

    /**
     * Every campaign, ad group or ad ({@code level}) of the caller's advertiser, deleted ones included,
     * across all pages.
     */
    Flux<EntitySnapshot> entities(CallOrigin caller, AccessToken token, EntityLevel level);

    /**
     * The BASIC report of {@code stream} (its level and granularity) for the window's local dates, across all
     * pages. The window may span at most {@link ReportStream#maxDaysPerRequest()} days.
     */
    Flux<ReportRow> report(CallOrigin caller, AccessToken token, ReportStream stream, DateWindow window,
            List<String> metrics);
}
