package io.adpulse.ingest.command.ads;

import org.springframework.stereotype.Component;

/** The budget, name and status handlers, one bean per kind. */
final class UpdateHandlers {

    private UpdateHandlers() {
    }

    @Component
    static class CampaignUpdate extends EntityUpdateHandler {
        CampaignUpdate() {
            super(Levels.CAMPAIGN);
        }
    }

    @Component
    static class AdGroupUpdate extends EntityUpdateHandler {
        AdGroupUpdate() {
            super(Levels.ADGROUP);
        }
    }

    @Component
    static class CampaignStatusUpdate extends StatusUpdateHandler {
        CampaignStatusUpdate() {
            super(Levels.CAMPAIGN);
        }
    }

    @Component
    static class AdGroupStatusUpdate extends StatusUpdateHandler {
        AdGroupStatusUpdate() {
            super(Levels.ADGROUP);
        }
    }

    @Component
    static class AdStatusUpdate extends StatusUpdateHandler {
        AdStatusUpdate() {
            super(Levels.AD);
        }
    }
}
