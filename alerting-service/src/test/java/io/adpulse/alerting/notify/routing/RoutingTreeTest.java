package io.adpulse.alerting.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.alerting.config.RouteSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTreeTest {

    private static final Set<String> RECEIVERS = Set.of("default", "team-a", "pager", "finance");

    private static RouteSettings route(String receiver, List<String> matchers, boolean continueMatching,
            RouteSettings... children) {
        return new RouteSettings(receiver, matchers, null, null, null, null, continueMatching, List.of(children));
    }

    private static final RoutingTree TREE = RoutingTree.of(new RouteSettings("default", null, List.of("alertname"),
            Duration.ofSeconds(10), null, null, false, List.of(
                    route("team-a", List.of("advertiser_id=~\"70.*\""), true,
                            route("pager", List.of("severity=\"critical\""), false)),
                    route("finance", List.of("rule=\"roas-below-target\""), false),
                    route("pager", List.of("severity=\"critical\""), false))), RECEIVERS);

    private static List<String> receivers(Map<String, String> labels) {
        return TREE.route(labels).stream().map(RouteNode::receiver).toList();
    }

    @Test
    void takesAnAlertNoRouteMatchesAtTheRoot() {
        assertThat(receivers(Map.of("advertiser_id", "8001", "severity", "warning"))).containsExactly("default");
    }

    @Test
    void goesDownToTheDeepestMatchingChild() {
        assertThat(TREE.route(Map.of("advertiser_id", "7001", "severity", "critical")).stream().map(RouteNode::id))
                .containsExactly("root.0.0", "root.2");
    }

    @Test
    void stopsAtTheFirstMatchingSiblingUnlessItContinues() {
        assertThat(receivers(Map.of("advertiser_id", "7001", "severity", "warning", "rule", "roas-below-target")))
                .as("team-a continues to finance").containsExactly("team-a", "finance");
        assertThat(receivers(Map.of("advertiser_id", "8001", "severity", "critical", "rule", "roas-below-target")))
                .as("finance does not continue to pager").containsExactly("finance");
    }

    @Test
    void childrenInheritGroupingAndTimingFromTheirParents() {
        RouteNode pager = TREE.node("root.0.0").orElseThrow();
        assertThat(pager.groupBy().labels()).containsExactly("alertname");
        assertThat(pager.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pager.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pager.repeatInterval()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void groupsByAllLabelsWithTheEllipsis() {
        RoutingTree all = RoutingTree.of(new RouteSettings("default", null, List.of("..."), null, null, null, false, null),
                RECEIVERS);
        assertThat(all.root().groupBy().of(Map.of("a", "1", "b", "2"))).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void rejectsAnInvalidTreeNamingThePropertyAtFault() {
        assertThatThrownBy(() -> RoutingTree.of(route(null, List.of(), false), RECEIVERS))
                .hasMessage("invalid routing configuration at adpulse.alerting.routes.receiver: the root route must name a receiver");
        assertThatThrownBy(() -> RoutingTree.of(route("default", List.of(), false, route("nobody", List.of(), false)),
                RECEIVERS)).hasMessageStartingWith("invalid routing configuration at adpulse.alerting.routes.routes[0].receiver: "
                        + "no receiver is named 'nobody'");
        assertThatThrownBy(() -> RoutingTree.of(route("default", List.of(), false,
                route(null, List.of("severity"), false)), RECEIVERS))
                .hasMessageStartingWith("invalid routing configuration at adpulse.alerting.routes.routes[0].matchers[0]: ");
        assertThatThrownBy(() -> RoutingTree.of(new RouteSettings("default", null, null, null, Duration.ZERO, null, false,
                null), RECEIVERS)).hasMessage("invalid routing configuration at adpulse.alerting.routes.group-interval: "
                        + "must be positive, was PT0S");
        assertThatThrownBy(() -> RoutingTree.of(route("default", List.of("a=\"b\""), false), RECEIVERS))
                .hasMessageContaining("cannot have matchers");
    }
}
