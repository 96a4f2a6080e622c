package io.adpulse.sandbox.entity;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.api.JsonParams;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.catalog.Lifecycle;
import tools.jackson.databind.JsonNode;

/**
 * The {@code filtering} object of {@code campaign/get/}, {@code adgroup/get/} and {@code ad/get/}. Deleted entities
 * are left out unless a status filter asks for them: {@code "secondary_status":"CAMPAIGN_STATUS_ALL"} (or the ad
 * group / ad equivalent), {@code "primary_status":"STATUS_ALL"}, or the {@code _DELETE} statuses for deleted ones
 * only. Id lists and an objective narrow the result; a name filter matches a substring. Keys the sandbox does not
 * interpret ({@code buying_types}, {@code creation_filter_*}...) are accepted and ignored, so clients written for
 * TikTok are not rejected.
 */
final class EntityFilter implements Predicate<Listing> {

    private final Predicate<Listing> predicate;

    private EntityFilter(Predicate<Listing> predicate) {
        this.predicate = predicate;
    }

    @Override
    public boolean test(Listing listing) {
        return predicate.test(listing);
    }

    static EntityFilter parse(EntityLevel level, Optional<JsonNode> filtering) {
        JsonNode filter = filtering.orElse(null);
        Predicate<Listing> predicate = status(level, text(filter, "primary_status"), text(filter, "secondary_status"));
        predicate = predicate.and(ids(filter, "campaign_ids", Listing::campaignId));
        predicate = predicate.and(ids(filter, "adgroup_ids", Listing::adGroupId));
        predicate = predicate.and(ids(filter, "ad_ids", Listing::adId));
        String nameKey = switch (level) {
            case CAMPAIGN -> "campaign_name";
            case ADGROUP -> "adgroup_name";
            default -> "ad_name";
        };
        Optional<String> name = text(filter, nameKey);
        if (name.isPresent()) {
            predicate = predicate.and(listing -> listing.name().toLowerCase().contains(name.get().toLowerCase()));
        }
        Optional<String> objective = text(filter, "objective_type");
        if (objective.isPresent()) {
            predicate = predicate.and(listing -> listing.objective().name().equals(objective.get()));
        }
        return new EntityFilter(predicate);
    }

    private static Predicate<Listing> status(EntityLevel level, Optional<String> primary, Optional<String> secondary) {
        if (primary.isEmpty() && secondary.isEmpty()) {
            return listing -> listing.lifecycle() != Lifecycle.DELETED;
        }
        Predicate<Listing> byPrimary = primary.map(EntityFilter::primary).orElse(listing -> true);
        Predicate<Listing> bySecondary = secondary.map(value -> secondary(level, value)).orElse(listing -> true);
        return byPrimary.and(bySecondary);
    }

    private static Predicate<Listing> primary(String status) {
        return switch (status) {
            case "STATUS_ALL" -> listing -> true;
            case "STATUS_DELETE" -> listing -> listing.lifecycle() == Lifecycle.DELETED;
            case "STATUS_NOT_DELETE" -> listing -> listing.lifecycle() != Lifecycle.DELETED;
            case "STATUS_DELIVERY_OK" -> listing -> listing.lifecycle() == Lifecycle.ACTIVE;
            case "STATUS_DISABLE" -> listing -> listing.lifecycle() == Lifecycle.DISABLED;
            case "STATUS_NOT_DELIVERY" -> listing -> listing.lifecycle() == Lifecycle.DISABLED;
            default -> throw ApiException.param("filtering", "primary_status " + status + " is not a valid status.");
        };
    }

    private static Predicate<Listing> secondary(EntityLevel level, String status) {
        String prefix = switch (level) {
            case CAMPAIGN -> "CAMPAIGN_STATUS_";
            case ADGROUP -> "ADGROUP_STATUS_";
            default -> "AD_STATUS_";
        };
        if (!status.startsWith(prefix)) {
            throw ApiException.param("filtering", "secondary_status " + status + " is not a valid status.");
        }
        return switch (status.substring(prefix.length())) {
            case "ALL" -> listing -> true;
            case "NOT_DELETE" -> listing -> listing.lifecycle() != Lifecycle.DELETED;
            default -> listing -> listing.lifecycle().secondaryStatus(level).equals(status);
        };
    }

    private static Predicate<Listing> ids(JsonNode filter, String key, java.util.function.Function<Listing, String> id) {
        if (filter == null || filter.get(key) == null || filter.get(key).isNull()) {
            return listing -> true;
        }
        List<String> wanted = JsonParams.strings("filtering." + key, filter.get(key), true);
        return listing -> wanted.contains(id.apply(listing));
    }

    private static Optional<String> text(JsonNode filter, String key) {
        return filter == null ? Optional.empty() : JsonParams.text(filter, key);
    }
}
