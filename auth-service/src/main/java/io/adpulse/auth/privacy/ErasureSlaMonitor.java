package io.adpulse.auth.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code adpulse.auth.privacy.sla-check-interval}, counts the erasure requests still pending past
 * {@code erasure-sla} into the gauge {@value #OVERDUE} (the {@code AdpulseErasureOverdue} alert fires while it is
 * above zero) and logs, once per request, which services have not confirmed it. The request itself shows
 * {@code slaMissed} in {@code GET /api/auth/privacy/erasures/{id}} and in the list of open requests.
 */
@Component
class ErasureSlaMonitor implements SmartLifecycle {

    /** Gauge of the pending erasure requests past their SLA (at most {@link #LIMIT}). */
    static final String OVERDUE = "adpulse.auth.privacy.erasures.overdue";
    /** Requests looked at per round; the gauge saturates there, which is far past any alert threshold. */
    static final int LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(ErasureSlaMonitor.class);

    private final ErasureService erasures;
    private final PrivacyProperties settings;
    private final AtomicInteger overdue = new AtomicInteger();
    /** Requests already reported as overdue, so each is logged once; forgotten once no longer overdue. */
    private final Set<String> reported = new HashSet<>();
    private volatile Disposable rounds;

    ErasureSlaMonitor(ErasureService erasures, PrivacyProperties settings, MeterRegistry meters) {
        this.erasures = erasures;
        this.settings = settings;
        meters.gauge(OVERDUE, overdue);
    }

    /** One check: refreshes the gauge and reports newly overdue requests; emits how many are overdue. */
    Mono<Integer> check() {
        return erasures.overdue(LIMIT).collectList().map(this::update);
    }

    private synchronized int update(List<ErasureView> late) {
        overdue.set(late.size());
        Set<String> current = new HashSet<>();
        for (ErasureView request : late) {
            current.add(request.id());
            if (!reported.contains(request.id())) {
                log.warn("Erasure {} of connection {} missed its SLA of {} (deadline {}); still pending: {}",
                        request.id(), request.connectionId(), settings.erasureSla(), request.slaDeadline(),
                        request.services().stream().filter(s -> ErasureService.PENDING.equals(s.status()))
                                .map(ErasureView.ServiceStatus::service).collect(Collectors.joining(", ")));
            }
        }
        reported.retainAll(current);
        reported.addAll(current);
        return late.size();
    }

    @Override
    public void start() {
        rounds = Flux.interval(settings.slaCheckInterval(), settings.slaCheckInterval())
                .onBackpressureDrop()
                .concatMap(tick -> check().onErrorResume(e -> {
                    log.warn("Erasure SLA check failed, retrying on the next round: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = rounds;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = rounds;
        return current != null && !current.isDisposed();
    }
}
