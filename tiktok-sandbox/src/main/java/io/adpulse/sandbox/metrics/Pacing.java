package io.adpulse.sandbox.metrics;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Catalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Makes campaigns over-deliver, the way a broken bid or a viral ad does: their delivery (spend, impressions, clicks and
 * everything else) is multiplied by a factor for every hour of the advertiser's current local day and after, so the
 * day's spend runs ahead of any pace and, with a large enough factor, past the daily budget. Ending it restores the
 * generated figures, past hours included, as a TikTok restatement would.
 */
@Component
public class Pacing {

    private final Catalog catalog;
    private final MetricStore store;

    Pacing(Catalog catalog, MetricStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Multiplies the delivery of {@code campaignId} (or of every campaign of the advertiser when it is null) by
     * {@code factor} from the start of the advertiser's local day on.
     *
     * @return the campaigns boosted
     * @throws IllegalArgumentException for an unknown advertiser or campaign, a campaign of another advertiser, or a
     *                                  factor outside (0, 100]
     */
    public List<String> overpace(String advertiserId, String campaignId, double factor) {
        if (!(factor > 0 && factor <= 100)) {
            throw new IllegalArgumentException("factor must be above 0 and at most 100, got " + factor);
        }
        Advertiser advertiser = catalog.advertiser(advertiserId)
                .orElseThrow(() -> new IllegalArgumentException("unknown advertiser " + advertiserId));
        List<Campaign> campaigns = catalog.campaigns(advertiser).stream()
                .filter(c -> campaignId == null || c.id().equals(campaignId))
                .toList();
        if (campaigns.isEmpty()) {
            throw new IllegalArgumentException("advertiser " + advertiserId + " has no campaign " + campaignId);
        }
        Instant now = store.now();
        Instant dayStart = LocalDate.ofInstant(now, advertiser.zone()).atStartOfDay(advertiser.zone()).toInstant();
        campaigns.forEach(c -> store.boost(c.id(), factor, dayStart));
        return campaigns.stream().map(Campaign::id).toList();
    }

    /** Ends every boost. */
    public void clear() {
        store.clearBoosts();
    }
}
