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
     * The most advertisers one report call may list ({@code advertiser_ids}): 5, per TikTok's documentation of
     * {@code /report/integrated/get/} as a third-party SDK copies it (UNSURE; not in ../shared/tiktok-api.md).
     */
    int MAX_ADVERTISERS_PER_REPORT = 5;

    /**
     * The most entity ids TikTok returns in a report of several advertisers (its documentation: 20,000, newest
     * first, not spread evenly over the advertisers; UNSURE like the limit above). Advertisers are listed together
     * only while their entities of the report's level stay within it, so nothing can be cut off.
     */
    long MAX_ENTITIES_PER_SHARED_REPORT = 20_000;

    /**
     * The BASIC report of {@code stream} (its level and granularity) for the window's local dates, across all
     * pages. The window may span at most {@link ReportStream#maxDaysPerRequest()} days.
     */
    Flux<ReportRow> report(CallOrigin caller, AccessToken token, ReportStream stream, DateWindow window,
            List<String> metrics);

    /**
     * One BASIC report of several advertisers authorised by {@code token} ({@code callers}, at most
     * {@link #MAX_ADVERTISERS_PER_REPORT}, listed in {@code advertiser_ids}), each advertiser's rows on its own local
     * dates of the window, across all pages, each row with the advertiser it belongs to. When TikTok refuses the
     * request itself (an advertiser the token may not read, a parameter, a query too large) it fails with
     * {@link SharedReportRefused}, which is not reported as an API error: the caller then asks for each advertiser on
     * its own, and those calls report what fails for whom. Any other failure is reported for every caller.
     */
    Flux<AdvertiserReportRow> report(List<CallOrigin> callers, AccessToken token, ReportStream stream,
            DateWindow window, List<String> metrics);
}
