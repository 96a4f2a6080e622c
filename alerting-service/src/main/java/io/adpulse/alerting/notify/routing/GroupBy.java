package io.adpulse.alerting.notify.routing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that split a route's alerts into notification groups: a list of names, or every label
 * ({@code ...}). An alert without one of the labels is grouped as if it had no such label.
 */
public record GroupBy(boolean all, List<String> labels) {

    public static final String ALL = "...";

    public GroupBy {
        labels = List.copyOf(labels);
    }

    /** The group labels of an alert with {@code alertLabels}, sorted by name. */
    public Map<String, String> of(Map<String, String> alertLabels) {
        Map<String, String> group = new TreeMap<>();
        if (all) {
            group.putAll(alertLabels);
        } else {
            labels.stream().filter(alertLabels::containsKey).forEach(name -> group.put(name, alertLabels.get(name)));
        }
        return group;
    }
}
