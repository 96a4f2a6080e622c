package io.adpulse.alerting.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One node of the routing tree ({@code adpulse.alerting.routes}, then {@code ...routes[i]} for children),
 * shaped like Alertmanager's {@code route}. A node that leaves a setting out inherits it from its parent;
 * the root must name a receiver and has no matchers (it takes every alert).
 *
 * @param receiver the receiver (by name, see {@code adpulse.alerting.receivers}) notified of the alerts this
 *        node takes
 * @param matchers conditions an alert must all meet to enter this node, Alertmanager style:
 *        {@code severity="critical"}, {@code rule!="daily-budget-pacing"}, {@code advertiser_id=~"70.*"},
 *        {@code campaign_name!~"test.*"}; labels are the alert's own plus {@code alertname}, {@code rule} and
 *        {@code severity}
 * @param groupBy labels whose values split the alerts of this node into notification groups; {@code ...} groups
 *        by all labels; empty puts all alerts of the node in one group (root default {@code alertname,advertiser_id})
 * @param groupWait how long a new group waits for more alerts before its first notification (root default
 *        {@code 30s})
 * @param groupInterval how long a group waits after a notification before it notifies of changes (new or
 *        resolved alerts) (root default {@code 5m})
 * @param repeatInterval how long a group with unchanged firing alerts waits before notifying again (root
 *        default {@code 4h})
 * @param continueMatching ({@code continue}) when true, an alert that matches this node is still offered to the
 *        following siblings; when false (default) the first matching sibling takes it
 * @param routes child nodes, tried in order; an alert that matches none of them stays with this node
 */
public record RouteSettings(String receiver, List<String> matchers, List<String> groupBy, Duration groupWait,
        Duration groupInterval, Duration repeatInterval, @Name("continue") boolean continueMatching,
        List<RouteSettings> routes) {

    public RouteSettings {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
