package io.adpulse.alerting.notify.routing;

import io.adpulse.alerting.alert.domain.LabelMatcher;
import io.adpulse.alerting.config.InvalidSettingException;
import io.adpulse.alerting.config.RouteSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routing tree compiled from {@code adpulse.alerting.routes}: validated once at startup (every receiver
 * exists, every matcher parses, durations are positive), with inherited settings resolved. Building it from
 * an invalid configuration fails with a message naming the property at fault.
 */
public final class RoutingTree {

    static final String PREFIX = "adpulse.alerting.routes";
    private static final List<String> DEFAULT_GROUP_BY = List.of("alertname", "advertiser_id");
    private static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final RouteNode root;
    private final Map<String, RouteNode> byId = new HashMap<>();

    private RoutingTree(RouteNode root) {
        this.root = root;
        index(root);
    }

    public static RoutingTree of(RouteSettings settings, Set<String> receivers) {
        return of(settings, receivers, PREFIX);
    }

    /** Compiles the tree whose root is at {@code prefix} ({@code routes} in the settings API). */
    public static RoutingTree of(RouteSettings settings, Set<String> receivers, String prefix) {
        if (settings == null) {
            throw invalid(prefix, "the routing tree needs a root route");
        }
        if (settings.receiver() == null || settings.receiver().isBlank()) {
            throw invalid(prefix + ".receiver", "the root route must name a receiver");
        }
        if (!settings.matchers().isEmpty()) {
            throw invalid(prefix + ".matchers", "the root route takes every alert and cannot have matchers");
        }
        if (settings.continueMatching()) {
            throw invalid(prefix + ".continue", "the root route has no siblings to continue to");
        }
        RouteNode defaults = new RouteNode("root", List.of(), settings.receiver(), new GroupBy(false, DEFAULT_GROUP_BY),
                DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL, DEFAULT_REPEAT_INTERVAL, false, List.of());
        return new RoutingTree(compile(settings, "root", prefix, defaults, receivers));
    }

    /** The nodes that take an alert with these (match) labels; never empty, the root takes what nobody else does. */
    public List<RouteNode> route(Map<String, String> labels) {
        return root.route(labels);
    }

    public Optional<RouteNode> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public RouteNode root() {
        return root;
    }

    private static RouteNode compile(RouteSettings settings, String id, String path, RouteNode parent,
            Set<String> receivers) {
        String receiver = settings.receiver() == null ? parent.receiver() : settings.receiver();
        if (!receivers.contains(receiver)) {
            throw invalid(path + ".receiver", "no receiver is named '" + receiver + "'; known receivers: " + receivers);
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < settings.matchers().size(); i++) {
            try {
                matchers.add(LabelMatcher.parse(settings.matchers().get(i)));
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".matchers[" + i + "]", e.getMessage());
            }
        }
        GroupBy groupBy = settings.groupBy() == null ? parent.groupBy() : groupBy(settings.groupBy(), path);
        Duration groupWait = duration(settings.groupWait(), parent.groupWait(), path + ".group-wait", true);
        Duration groupInterval = duration(settings.groupInterval(), parent.groupInterval(), path + ".group-interval", false);
        Duration repeatInterval = duration(settings.repeatInterval(), parent.repeatInterval(), path + ".repeat-interval",
                false);
        RouteNode self = new RouteNode(id, matchers, receiver, groupBy, groupWait, groupInterval, repeatInterval,
                settings.continueMatching(), List.of());
        List<RouteNode> children = new ArrayList<>();
        for (int i = 0; i < settings.routes().size(); i++) {
            children.add(compile(settings.routes().get(i), id + "." + i, path + ".routes[" + i + "]", self, receivers));
        }
        return new RouteNode(id, matchers, receiver, groupBy, groupWait, groupInterval, repeatInterval,
                settings.continueMatching(), children);
    }

    private static GroupBy groupBy(List<String> names, String path) {
        if (names.contains(GroupBy.ALL)) {
            if (names.size() > 1) {
                throw invalid(path + ".group-by", "'...' (all labels) cannot be combined with other labels");
            }
            return new GroupBy(true, List.of());
        }
        for (String name : names) {
            if (name == null || !LABEL_NAME.matcher(name).matches()) {
                throw invalid(path + ".group-by", "'" + name + "' is not a label name");
            }
        }
        return new GroupBy(false, names);
    }

    private static Duration duration(Duration configured, Duration inherited, String path, boolean zeroAllowed) {
        Duration value = configured == null ? inherited : configured;
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw invalid(path, "must be " + (zeroAllowed ? "zero or more" : "positive") + ", was " + value);
        }
        return value;
    }

    private void index(RouteNode node) {
        byId.put(node.id(), node);
        node.children().forEach(this::index);
    }

    private static IllegalArgumentException invalid(String property, String reason) {
        return new InvalidSettingException(property, reason, "invalid routing configuration at " + property + ": "
                + reason);
    }
}
