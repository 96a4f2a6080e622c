package io.adpulse.alerting.notify.routing;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the compiled routing tree with every inherited setting filled in. {@code id} is its path in the
 * configuration ({@code root}, {@code root.0}, {@code root.0.1}...), which names its notification groups.
 */
public record RouteNode(String id, List<LabelMatcher> matchers, String receiver, GroupBy groupBy, Duration groupWait,
        Duration groupInterval, Duration repeatInterval, boolean continueMatching, List<RouteNode> children) {

    public RouteNode {
        matchers = List.copyOf(matchers);
        children = List.copyOf(children);
    }

    boolean accepts(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    /**
     * The nodes that take an alert this node accepted, as Alertmanager decides: children are tried in order; a
     * matching child hands the alert on to its own children, and unless it has {@code continue} the following
     * siblings are not tried; when no child matches, this node takes the alert itself.
     */
    List<RouteNode> route(Map<String, String> labels) {
        List<RouteNode> taken = new ArrayList<>();
        for (RouteNode child : children) {
            if (child.accepts(labels)) {
                taken.addAll(child.route(labels));
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (taken.isEmpty()) {
            taken.add(this);
        }
        return taken;
    }
}
