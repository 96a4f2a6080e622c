package io.adpulse.ingest.sync;

import io.adpulse.events.Granularity;
import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.ledger.FactLedger;
import io.adpulse.ingest.ledger.ObservationPublisher;
import io.adpulse.ingest.ledger.PublishedFact;
import io.adpulse.ingest.token.AccessToken;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the report streams of the connections synced together under one token and publishes the rows whose values
 * changed.
 *
 * <ul>
 *   <li>Daily streams (advertiser, campaign, ad group, ad) read {@link DateWindow#toRead the dates due}: the
 *       backfill on the first sync, then the attribution lookback, in windows of at most 30 days.</li>
 *   <li>The hourly campaign stream reads the last {@code hourly-days} days, one day per request (TikTok's
 *       limit with {@code stat_time_hour}).</li>
 *   <li>A stream whose level has no entity in this sync's {@link EntityCensus} is not requested: it has no rows.</li>
 * </ul>
 *
 * <p>Calls are shared: advertisers whose dates due in a stream are the same, give or take the day their time zones
 * may put between them, are read in one report of several advertisers ({@code advertiser_ids}, at most
 * {@link TikTokApi#MAX_ADVERTISERS_PER_REPORT}, and only while their entities at the level stay within
 * {@link TikTokApi#MAX_ENTITIES_PER_SHARED_REPORT}). Their dates are cut into windows together, each advertiser takes
 * part in the windows that hold dates due for it, and keeps of each only the rows of its own dates. Advertisers whose
 * dates differ more (one mid-backfill, one up to date) share a call only where their windows are the same. An
 * advertiser alone in a window is asked for its own dates as before. When TikTok refuses a shared report as asked
 * (an advertiser the token may not read, say), each advertiser is asked on its own, so one bad advertiser fails only
 * its own sync. Any other failure of a shared call fails the sync of every advertiser in it, as it would have failed
 * each alone.
 *
 * <p>Everything else is per connection, as it was when every report was its own: all windows are planned first, so
 * each run shows its progress (windows read of windows planned, checkpointed after each window). After each window a
 * stream's covered date moves forward to the end of the connection's part of it, so a backfill interrupted by a
 * failure or a crash resumes after the last finished window instead of starting over; a stream's last success is set
 * once all its windows were read. A connection whose sync failed takes part in no further window. Rows of one window
 * are published several at a time: each is a distinct fact, sends are issued in row order, and the producer keeps
 * that order per partition.
 */
@Component
class ReportSync {

    /** The metrics every daily report asks for: spend and delivery, conversions and their value (for ROAS), video plays. */
    static final List<String> METRICS = List.of("spend", "impressions", "clicks", "reach", "conversion",
            "total_purchase_value", "video_play_actions",
            // payments (shop and web purchases) and engagement on the ads
            "complete_payment", "likes", "comments", "shares");
    /** Hourly reports ask for the same metrics but reach, which TikTok does not break down by hour. */
    static final List<String> HOURLY_METRICS = METRICS.stream().filter(metric -> !metric.equals("reach")).toList();

    /** Rows of one window being published at once. */
    private static final int PUBLISH_CONCURRENCY = 16;

    private static final Logger log = LoggerFactory.getLogger(ReportSync.class);

    private final TikTokApi api;
    private final FactLedger ledger;
    private final ObservationPublisher publisher;
    private final WatermarkRepository watermarks;
    private final SyncRunRepository runs;
    private final IngestSettings settings;

    ReportSync(TikTokApi api, FactLedger ledger, ObservationPublisher publisher, WatermarkRepository watermarks,
            SyncRunRepository runs, IngestSettings settings) {
        this.api = api;
        this.ledger = ledger;
        this.publisher = publisher;
        this.watermarks = watermarks;
        this.runs = runs;
        this.settings = settings;
    }

    /**
     * Reads the report streams of these connections' syncs, all authorised by {@code token}; emits the failure of each
     * connection whose reports could not all be read, by connection id (none for those that succeeded).
     */
    Mono<Map<String, Throwable>> sync(List<Member> members, AccessToken token) {
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        List<ReportStream> streams = Stream.of(ReportStream.values())
                .filter(stream -> stream.granularity() == Granularity.DAY || settings.hourlyDays() > 0)
                .toList();
        return Flux.fromIterable(members)
                .concatMap(member -> Flux.fromIterable(streams)
                        .concatMap(stream -> due(stream, member).map(range -> new Due(member, stream, range)))
                        .collectList()
                        .onErrorResume(e -> {
                            failures.put(member.connectionId(), e);
                            return Mono.just(List.of());
                        }))
                .collectList()
                .flatMap(dues -> {
                    List<Due> all = dues.stream().flatMap(List::stream).toList();
                    List<Call> calls = schedule(all, streams);
                    return Flux.fromIterable(members)
                            .filter(member -> !failures.containsKey(member.connectionId()))
                            .concatMap(member -> {
                                member.tally().windowsPlanned((int) calls.stream()
                                        .filter(call -> call.parts().containsKey(member)).count());
                                return checkpoint(member).onErrorResume(e -> fail(member, e, failures));
                            })
                            .thenMany(Flux.fromIterable(streams))
                            .concatMap(stream -> Flux.fromIterable(calls)
                                    .filter(call -> call.stream() == stream)
                                    .concatMap(call -> read(call, token, failures))
                                    .then(Flux.fromIterable(members)
                                            .filter(member -> !failures.containsKey(member.connectionId()))
                                            .concatMap(member -> watermarks.advance(member.connectionId(),
                                                            stream.stream(), member.scope().observedAt(),
                                                            member.scope().today())
                                                    .onErrorResume(e -> fail(member, e, failures)))
                                            .then()))
                            .then(Mono.fromSupplier(() -> Map.copyOf(failures)));
                });
    }

    /** The dates of {@code stream} due for the member in this sync; empty when its level has no entity. */
    private Mono<DateWindow> due(ReportStream stream, Member member) {
        SyncScope scope = member.scope();
        if (!member.census().has(stream.level())) {
            return Mono.empty();
        }
        if (stream.granularity() == Granularity.HOUR) {
            return Mono.just(new DateWindow(scope.today().minusDays(settings.hourlyDays() - 1L), scope.today()));
        }
        return watermarks.lastDateCovered(scope.connectionId(), stream.stream())
                .map(last -> {
                    DateWindow range = DateWindow.toRead(last, scope.today(), settings.backfillDays(),
                            settings.attributionLookbackDays());
                    if (range.from().isBefore(scope.today().minusDays(settings.attributionLookbackDays()))) {
                        member.tally().backfilling();
                    }
                    return range;
                });
    }

    /**
     * The calls of this sync, stream by stream, each connection's windows oldest first: per stream, the members with
     * dates due are put in groups ({@link #groups}); a group's dates are cut into windows as TikTok allows, and each
     * member takes part in the windows holding dates due for it, with those dates as its part. Calls of different
     * groups over the very same window are then merged, as far as the limits allow.
     */
    static List<Call> schedule(List<Due> dues, List<ReportStream> streams) {
        List<Call> calls = new ArrayList<>();
        for (ReportStream stream : streams) {
            List<Call> ofStream = new ArrayList<>();
            List<Due> due = dues.stream().filter(d -> d.stream() == stream).toList();
            for (List<Due> group : groups(due, stream)) {
                LocalDate from = group.stream().map(d -> d.range().from()).min(Comparator.naturalOrder()).orElseThrow();
                LocalDate to = group.stream().map(d -> d.range().to()).max(Comparator.naturalOrder()).orElseThrow();
                for (DateWindow window : new DateWindow(from, to).slice(stream.maxDaysPerRequest())) {
                    Map<Member, DateWindow> parts = new LinkedHashMap<>();
                    for (Due d : group) {
                        overlap(d.range(), window).ifPresent(part -> parts.put(d.member(), part));
                    }
                    if (!parts.isEmpty()) {
                        ofStream.add(new Call(stream, window, parts));
                    }
                }
            }
            calls.addAll(mergeSameWindows(ofStream, stream));
        }
        return calls;
    }

    /**
     * Members whose dates due differ by at most a day at either end (their time zones can put a day between their
     * "today"s) go together, at most {@link TikTokApi#MAX_ADVERTISERS_PER_REPORT} and
     * {@link TikTokApi#MAX_ENTITIES_PER_SHARED_REPORT} entities at the level per group; each other member starts a
     * group of its own.
     */
    private static List<List<Due>> groups(List<Due> dues, ReportStream stream) {
        List<Due> sorted = dues.stream()
                .sorted(Comparator.comparing((Due d) -> d.range().from()).thenComparing(d -> d.range().to()))
                .toList();
        List<List<Due>> groups = new ArrayList<>();
        List<Due> current = new ArrayList<>();
        for (Due due : sorted) {
            List<Due> candidate = new ArrayList<>(current);
            candidate.add(due);
            if (!current.isEmpty() && !fitTogether(candidate, stream)) {
                groups.add(current);
                candidate = new ArrayList<>(List.of(due));
            }
            current = candidate;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static boolean fitTogether(List<Due> dues, ReportStream stream) {
        if (dues.size() > TikTokApi.MAX_ADVERTISERS_PER_REPORT || entities(dues.stream().map(Due::member).toList(),
                stream) > TikTokApi.MAX_ENTITIES_PER_SHARED_REPORT) {
            return false;
        }
        return spread(dues.stream().map(d -> d.range().from()).toList()) <= 1
                && spread(dues.stream().map(d -> d.range().to()).toList()) <= 1;
    }

    /** Calls over the same window merged (in order) while the merged call keeps within the limits. */
    private static List<Call> mergeSameWindows(List<Call> calls, ReportStream stream) {
        List<Call> merged = new ArrayList<>();
        for (Call call : calls) {
            Call into = merged.stream()
                    .filter(other -> other.window().equals(call.window()))
                    .filter(other -> other.parts().size() + call.parts().size() <= TikTokApi.MAX_ADVERTISERS_PER_REPORT
                            && entities(List.copyOf(other.parts().keySet()), stream)
                                    + entities(List.copyOf(call.parts().keySet()), stream)
                                    <= TikTokApi.MAX_ENTITIES_PER_SHARED_REPORT)
                    .findFirst().orElse(null);
            if (into == null) {
                merged.add(call);
            } else {
                into.parts().putAll(call.parts());
            }
        }
        return merged.stream()
                .sorted(Comparator.comparing((Call c) -> c.window().from()).thenComparing(c -> c.window().to()))
                .toList();
    }

    private static long entities(List<Member> members, ReportStream stream) {
        return members.stream().mapToLong(member -> member.census().count(stream.level())).sum();
    }

    private static long spread(List<LocalDate> dates) {
        LocalDate min = dates.stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalDate max = dates.stream().max(Comparator.naturalOrder()).orElseThrow();
        return ChronoUnit.DAYS.between(min, max);
    }

    private static Optional<DateWindow> overlap(DateWindow a, DateWindow b) {
        LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
        LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return to.isBefore(from) ? Optional.empty() : Optional.of(new DateWindow(from, to));
    }

    /**
     * One call's rows published and its members' windows recorded. Members whose sync already failed are left out; one
     * member left is asked alone for its own dates; a refused shared call is asked again one member at a time.
     */
    private Mono<Void> read(Call call, AccessToken token, Map<String, Throwable> failures) {
        List<Member> live = call.parts().keySet().stream()
                .filter(member -> !failures.containsKey(member.connectionId()))
                .toList();
        if (live.isEmpty()) {
            return Mono.empty();
        }
        if (live.size() == 1) {
            return alone(live.get(0), call, token, failures);
        }
        return shared(live, call, token)
                .onErrorResume(SharedReportRefused.class, refused -> {
                    log.info("TikTok refused the {} report {}..{} of advertisers {} ({}); reading each on its own",
                            call.stream().stream(), call.window().from(), call.window().to(),
                            live.stream().map(Member::advertiserId).toList(), refused.getCause().getMessage());
                    return Flux.fromIterable(live).concatMap(member -> alone(member, call, token, failures)).then();
                })
                .onErrorResume(e -> !(e instanceof SharedReportRefused),
                        e -> Flux.fromIterable(live).concatMap(member -> fail(member, e, failures)).then());
    }

    /** A member's part of the call as a report of its own; its failure ends its sync only. */
    private Mono<Void> alone(Member member, Call call, AccessToken token, Map<String, Throwable> failures) {
        DateWindow part = call.parts().get(member);
        List<String> metrics = metrics(call.stream());
        return ledger.metrics(member.advertiserId(), part.from(), part.to())
                .flatMapMany(known -> api.report(member.origin(), token, call.stream(), part, metrics)
                        .filter(row -> inWindow(row, part, member))
                        .map(row -> new Kept(member, call.stream(), row, known)))
                .transform(this::publish)
                .then(Mono.defer(() -> windowDone(member, call.stream(), part)))
                .onErrorResume(e -> fail(member, e, failures));
    }

    /** One report of all {@code live} members over the call's window, each keeping the rows of its own part. */
    private Mono<Void> shared(List<Member> live, Call call, AccessToken token) {
        Map<String, Member> byAdvertiser = new LinkedHashMap<>();
        live.forEach(member -> byAdvertiser.put(member.advertiserId(), member));
        Map<Member, Map<String, PublishedFact>> known = new ConcurrentHashMap<>();
        return Flux.fromIterable(live)
                .concatMap(member -> ledger.metrics(member.advertiserId(), call.parts().get(member).from(),
                        call.parts().get(member).to()).doOnNext(facts -> known.put(member, facts)))
                .thenMany(Flux.defer(() -> api.report(live.stream().map(Member::origin).toList(), token, call.stream(),
                        call.window(), metrics(call.stream()))))
                .concatMap(tagged -> {
                    Member member = byAdvertiser.get(tagged.advertiserId());
                    if (member == null) {
                        log.warn("TikTok returned a {} row of advertiser {}, not one asked for; ignored",
                                call.stream().stream(), tagged.advertiserId());
                        return Mono.empty();
                    }
                    DateWindow part = call.parts().get(member);
                    if (!call.window().contains(tagged.row().statDate())) {
                        inWindow(tagged.row(), call.window(), member);
                        return Mono.empty();
                    }
                    // the other members' dates in this window are not due for this one: its own sync reads them, or
                    // they lie beyond its backfill horizon or its today
                    return part.contains(tagged.row().statDate())
                            ? Mono.just(new Kept(member, call.stream(), tagged.row(), known.get(member)))
                            : Mono.empty();
                })
                .transform(this::publish)
                .then(Flux.fromIterable(live)
                        .concatMap(member -> windowDone(member, call.stream(), call.parts().get(member)))
                        .then());
    }

    /** Publishes the kept rows that changed, counting rows and events on their members' runs. */
    private Flux<Boolean> publish(Flux<Kept> kept) {
        return kept.doOnNext(row -> row.member().tally().rowRead())
                .flatMap(row -> publisher.publishIfChanged(Observations.metric(row.stream(), row.row(),
                                row.member().scope()), row.known())
                        .doOnNext(published -> {
                            if (published) {
                                row.member().tally().eventPublished();
                            }
                        }), PUBLISH_CONCURRENCY);
    }

    private Mono<Void> windowDone(Member member, ReportStream stream, DateWindow part) {
        return watermarks.cover(member.connectionId(), stream.stream(), part.to())
                .then(Mono.defer(() -> {
                    member.tally().windowDone();
                    return checkpoint(member);
                }));
    }

    private Mono<Void> fail(Member member, Throwable failure, Map<String, Throwable> failures) {
        failures.putIfAbsent(member.connectionId(), failure);
        return Mono.empty();
    }

    private Mono<Void> checkpoint(Member member) {
        return runs.checkpoint(member.scope().runId(), member.tally());
    }

    private static List<String> metrics(ReportStream stream) {
        return stream.granularity() == Granularity.HOUR ? HOURLY_METRICS : METRICS;
    }

    private static boolean inWindow(ReportRow row, DateWindow window, Member member) {
        if (window.contains(row.statDate())) {
            return true;
        }
        log.warn("TikTok returned a row of advertiser {} dated {} outside the requested window {}..{}; ignored",
                member.advertiserId(), row.statDate(), window.from(), window.to());
        return false;
    }

    /** One connection's sync as the report streams need it: its frame and what its entity fetch counted. */
    record Member(SyncScope scope, EntityCensus census) {

        String connectionId() {
            return scope.connectionId();
        }

        String advertiserId() {
            return scope.advertiserId();
        }

        CallOrigin origin() {
            return scope.origin();
        }

        SyncTally tally() {
            return scope.origin().tally();
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The dates of one stream due for one member in this sync. */
    record Due(Member member, ReportStream stream, DateWindow range) {
    }

    /** One report call: a stream, the window asked for, and each member in it with its own dates of that window. */
    record Call(ReportStream stream, DateWindow window, Map<Member, DateWindow> parts) {
    }

    /** A row kept for a member, with the member's last published facts. */
    private record Kept(Member member, ReportStream stream, ReportRow row, Map<String, PublishedFact> known) {
    }
}
