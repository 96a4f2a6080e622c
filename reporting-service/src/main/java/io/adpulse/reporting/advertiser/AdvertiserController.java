package io.adpulse.reporting.advertiser;

import io.adpulse.reporting.kpi.Figures;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/reporting/advertisers}: every known advertiser with its campaigns. */
@RestController
class AdvertiserController {

    private final AdvertiserDirectory directory;

    AdvertiserController(AdvertiserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/reporting/advertisers")
    Mono<AdvertiserList> advertisers() {
        return Mono.zip(directory.all().collectList(),
                        directory.campaigns().collectMultimap(AdvertiserDirectory.Campaign::advertiserId))
                .map(t -> new AdvertiserList(t.getT1().stream()
                        .map(a -> AdvertiserView.of(a, t.getT2().getOrDefault(a.advertiserId(), List.of())))
                        .toList()));
    }

    record AdvertiserList(List<AdvertiserView> advertisers) {
    }

    record AdvertiserView(String advertiserId, String name, String status, Boolean deleted, String timeZone,
            String currency, List<CampaignView> campaigns) {

        static AdvertiserView of(Advertiser a, Collection<AdvertiserDirectory.Campaign> campaigns) {
            return new AdvertiserView(a.advertiserId(), a.name(), a.status(), a.deleted(), a.timeZone(), a.currency(),
                    campaigns.stream().map(CampaignView::of).toList());
        }
    }

    record CampaignView(String campaignId, String name, String status, boolean deleted, Budget budget,
            String budgetMode) {

        static CampaignView of(AdvertiserDirectory.Campaign c) {
            Budget budget = c.budgetAmount() == null ? null
                    : new Budget(Figures.amount(c.budgetAmount(), c.budgetCurrency()), c.budgetCurrency());
            return new CampaignView(c.campaignId(), c.name(), c.status(), c.deleted(), budget, c.budgetMode());
        }
    }

    /** A budget amount as a decimal string in its currency's minor units. */
    record Budget(String amount, String currency) {
    }
}
