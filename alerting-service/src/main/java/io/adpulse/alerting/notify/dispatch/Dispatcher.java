package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertRepository;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Inhibits;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.ReceiverSettings;
import io.adpulse.alerting.notify.delivery.Delivery;
import io.adpulse.alerting.notify.delivery.DeliveryStore;
import io.adpulse.alerting.notify.routing.Receivers;
import io.adpulse.alerting.notify.routing.RouteNode;
import io.adpulse.alerting.notify.routing.Routing;
import io.adpulse.alerting.notify.routing.RoutingTree;
import io.adpulse.alerting.silence.domain.Silences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns alert episodes into deliveries, as Alertmanager's dispatcher does, on the time it is given:
 * <ol>
 *   <li><b>Routing.</b> Each new episode goes through the routing tree; each route that takes it puts it in
 *       the group of its {@code group_by} label values (a new group is first flushed after {@code group_wait}).</li>
 *   <li><b>Flushing.</b> A due group notifies its receiver when something changed since it last did (an alert
 *       it has not been told about fires, or one it was told about resolved) or, with nothing changed, when
 *       {@code repeat_interval} has passed since the last notification and alerts still fire. It is then
 *       flushed again after {@code group_interval}. A notification lists the group's firing alerts and those
 *       resolved since the last one; resolved alerts leave the group once told, and an empty group is removed.</li>
 *   <li><b>Silences and inhibition.</b> A silenced or inhibited firing alert is left out of notifications (and is
 *       not a change); an alert the receiver was told was firing is still reported when it resolves, so no incident
 *       stays open there. An inhibited alert is notified once nothing inhibits it any more.</li>
 * </ol>
 * A pass runs in one transaction holding an advisory lock, so one instance dispatches at a time, and the
 * deliveries of a flush are committed with the group's new state: a notification is stored exactly once.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final AlertRepository alerts;
    private final NotificationStore groups;
    private final DeliveryStore deliveries;
    private final Routing routing;
    private final NotificationPayloads payloads;
    private final JsonMapper json;
    private final TransactionalOperator transactions;
    private final Silences silences;
    private final Inhibits inhibits;
    private final int batchSize;

    Dispatcher(AlertRepository alerts, NotificationStore groups, DeliveryStore deliveries, Routing routing,
            JsonMapper json, TransactionalOperator transactions, Silences silences,
            Inhibits inhibits, AlertingProperties properties) {
        this.alerts = alerts;
        this.groups = groups;
        this.deliveries = deliveries;
        this.routing = routing;
        this.payloads = new NotificationPayloads(properties.notifications().externalUrl());
        this.json = json;
        this.transactions = transactions;
        this.silences = silences;
        this.inhibits = inhibits;
        this.batchSize = properties.notifications().batchSize();
    }

    /** One pass at {@code now}: routes every new episode, then flushes every group due by {@code now}. */
    public Mono<Void> dispatch(Instant now) {
        return transactions.transactional(groups.tryLockDispatch().flatMap(locked -> locked
                        ? routing.current().flatMap(current -> routeAll(current, now).then(flushDue(current, now)))
                        : Mono.empty()))
                .then();
    }

    private Mono<Void> routeAll(Routing.Compiled current, Instant now) {
        return routeBatch(current, now).expand(routed -> routed == batchSize ? routeBatch(current, now) : Mono.empty())
                .then();
    }

    private Mono<Integer> routeBatch(Routing.Compiled current, Instant now) {
        // The batch is read to the end before routing it: the pass runs on one connection, and a query issued while
        // a result is still being read waits behind it, so routing from inside the read would never finish.
        return alerts.unrouted(batchSize).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(alert -> route(current.tree(), alert, now).then(alerts.markRouted(alert.id())).thenReturn(1))
                .reduce(0, Integer::sum);
    }

    private Mono<Void> route(RoutingTree tree, Alert alert, Instant now) {
        Map<String, String> labels = alert.matchLabels();
        return Flux.fromIterable(tree.route(labels))
                .concatMap(node -> {
                    Map<String, String> groupLabels = node.groupBy().of(labels);
                    return groups.group(node.id(), node.receiver(), groupKey(node, groupLabels), groupLabels, now,
                                    now.plus(node.groupWait()))
                            .flatMap(groupId -> groups.addMember(groupId, alert.id()));
                })
                .then();
    }

    private Mono<Void> flushDue(Routing.Compiled current, Instant now) {
        return Mono.zip(silences.mutedAt(now), inhibits.at(now)).flatMap(mutes -> {
            Predicate<Alert> muted = alert -> mutes.getT1().test(alert.matchLabels())
                    || !mutes.getT2().apply(alert).isEmpty();
            return groups.due(now, Integer.MAX_VALUE).collectList() // read fully first, as in routeBatch
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(group -> flush(current, group, muted, now))
                    .then();
        });
    }

    private Mono<Void> flush(Routing.Compiled current, NotificationGroup group, Predicate<Alert> muted, Instant now) {
        RoutingTree tree = current.tree();
        RouteNode node = tree.node(group.route()).orElse(tree.root());
        return groups.members(group.id()).collectMap(Member::alertId, Member::notifiedState)
                .flatMap(told -> alerts.findByIds(told.keySet()).collectList().flatMap(members -> {
                    List<Alert> firing = new ArrayList<>();
                    List<Alert> resolvedToTell = new ArrayList<>();
                    List<Long> forgotten = new ArrayList<>();
                    boolean changed = false;
                    for (Alert alert : members) {
                        AlertState notified = told.get(alert.id());
                        boolean silenced = muted.test(alert);
                        if (alert.state() == AlertState.FIRING) {
                            if (!silenced) {
                                firing.add(alert);
                                changed |= notified == null;
                            }
                        } else if (notified == AlertState.FIRING || (notified == null && !silenced)) {
                            resolvedToTell.add(alert);
                            changed = true;
                        } else {
                            forgotten.add(alert.id());
                        }
                    }
                    boolean repeat = !firing.isEmpty() && group.lastNotifiedAt() != null
                            && !group.lastNotifiedAt().plus(node.repeatInterval()).isAfter(now);
                    boolean notify = changed || repeat;
                    List<Alert> included = new ArrayList<>(firing);
                    included.addAll(resolvedToTell);
                    Mono<Void> send = notify ? notify(current.receivers(), node, group, included, now) : Mono.empty();
                    List<Long> leaving = new ArrayList<>(forgotten);
                    if (notify) {
                        resolvedToTell.forEach(a -> leaving.add(a.id()));
                    }
                    return send
                            .then(notify ? groups.markNotified(group.id(), ids(firing), AlertState.FIRING) : Mono.empty())
                            .then(groups.removeMembers(group.id(), leaving))
                            .then(groups.reschedule(group.id(), now.plus(node.groupInterval()),
                                    notify ? now : group.lastNotifiedAt()));
                }));
    }

    private Mono<Void> notify(Receivers receivers, RouteNode node, NotificationGroup group, List<Alert> members,
            Instant now) {
        ReceiverSettings receiver = receivers.get(node.receiver()).orElseThrow();
        Notification notification = new Notification(receiver.name(), group.groupKey(), group.groupLabels(), members);
        List<String> fingerprints = members.stream().map(Alert::fingerprint).toList();
        List<Delivery> toSend = new ArrayList<>();
        for (int i = 0; i < receiver.webhooks().size(); i++) {
            toSend.add(Delivery.pending(receiver.name(), Delivery.WEBHOOK, i, group.groupKey(), notification.status(),
                    fingerprints, json.writeValueAsString(payloads.webhook(notification)), now));
        }
        for (int i = 0; i < receiver.slack().size(); i++) {
            toSend.add(Delivery.pending(receiver.name(), Delivery.SLACK, i, group.groupKey(), notification.status(),
                    fingerprints, json.writeValueAsString(payloads.slack(notification, receiver.slack().get(i))), now));
        }
        for (int i = 0; i < receiver.email().size(); i++) {
            toSend.add(Delivery.pending(receiver.name(), Delivery.EMAIL, i, group.groupKey(), notification.status(),
                    fingerprints, json.writeValueAsString(payloads.email(notification)), now));
        }
        for (int i = 0; i < receiver.pagerduty().size(); i++) {
            toSend.add(Delivery.pending(receiver.name(), Delivery.PAGERDUTY, i, group.groupKey(), notification.status(),
                    fingerprints, json.writeValueAsString(payloads.pagerDuty(notification, receiver.pagerduty().get(i))),
                    now));
        }
        for (int i = 0; i < receiver.alertmanager().size(); i++) {
            toSend.add(Delivery.pending(receiver.name(), Delivery.ALERTMANAGER, i, group.groupKey(),
                    notification.status(), fingerprints, json.writeValueAsString(payloads.alertmanager(notification)),
                    now));
        }
        log.info("notifying {} of {} ({} alerts, {}): {}", receiver.name(), group.groupKey(), members.size(),
                notification.status(), toSend.isEmpty() ? "receiver has no integrations" : toSend.size() + " deliveries");
        return Flux.fromIterable(toSend).concatMap(deliveries::add).then();
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    /** {@code root.0:{advertiser_id="7",alertname="daily-budget-pacing"}}: the route and its group labels. */
    static String groupKey(RouteNode node, Map<String, String> groupLabels) {
        return node.id() + ":{" + groupLabels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",")) + "}";
    }
}
