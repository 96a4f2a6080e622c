package io.adpulse.ingest.command.ads;

import io.adpulse.events.CommandRequested;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.CommandRejectedException;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creating a campaign, an ad group or an ad from a form ({@code campaign.create}, {@code adgroup.create},
 * {@code ad.create}). Adpulse checks the form's shape; TikTok checks the rest (minimum budgets, that the parent exists
 * and fits) and its refusal is the result. TikTok has no idempotency key for creates: the command id's at-most-once
 * execution is what keeps a retry from creating a second entity. The new entity's id (from TikTok's answer) is the
 * result's {@code entityId}, and it is read back as {@code after}.
 */
final class CreateHandlers {

    static final Set<String> BUDGET_MODES = Set.of("BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL", "BUDGET_MODE_INFINITE");
    static final Set<String> SWITCH = Set.of("ENABLE", "DISABLE");
    static final Set<String> OBJECTIVES = Set.of("TRAFFIC", "REACH", "VIDEO_VIEWS", "ENGAGEMENT", "LEAD_GENERATION",
            "APP_PROMOTION", "WEB_CONVERSIONS", "PRODUCT_SALES");
    static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$");
    private static final int MONEY_SCALE = 2;

    private CreateHandlers() {
    }

    /** The budget of a form: required with a capped mode, refused with the infinite one. */
    static void budget(CommandParameters parameters, String mode, Map<String, Object> body) {
        if ("BUDGET_MODE_INFINITE".equals(mode)) {
            if (parameters.has("budget")) {
                throw new CommandRejectedException("parameter 'budget' must be left out with BUDGET_MODE_INFINITE");
            }
            return;
        }
        body.put("budget", parameters.positiveDecimal("budget", MONEY_SCALE));
    }

    /**
     * {@code campaign.create}: {@code campaignName}, {@code objectiveType}, {@code budgetMode}, {@code budget} (unless
     * the mode is infinite), optional {@code operationStatus} (ENABLE, DISABLE). TikTok: {@code POST /campaign/create/},
     * answer {@code data.campaign_id}.
     */
    @Component
    static class CampaignCreate implements CommandHandler {

        @Override
        public String kind() {
            return "campaign.create";
        }

        @Override
        public void validate(CommandParameters parameters) {
            parameters.onlyKnown(Set.of("campaignName", "objectiveType", "budgetMode", "budget", "operationStatus"));
            request(null, parameters);
        }

        @Override
        public TikTokCall request(CommandRequested command, CommandParameters parameters) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("advertiser_id", command == null ? "" : command.advertiserId());
            body.put("campaign_name", parameters.text("campaignName"));
            body.put("objective_type", parameters.oneOf("objectiveType", OBJECTIVES));
            String mode = parameters.oneOf("budgetMode", BUDGET_MODES);
            body.put("budget_mode", mode);
            budget(parameters, mode, body);
            parameters.optionalOneOf("operationStatus", SWITCH).ifPresent(s -> body.put("operation_status", s));
            return TikTokCall.businessPost("/campaign/create/", body);
        }

        @Override
        public String entityId(CommandParameters parameters, TikTokAnswer answer) {
            return answer.dataText("campaign_id");
        }

        @Override
        public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
            return context.read(Levels.CAMPAIGN.level, entityId);
        }
    }

    /**
     * {@code adgroup.create}: {@code campaignId}, {@code adgroupName}, {@code budgetMode}, {@code budget},
     * {@code billingEvent} (CPC, CPM, OCPM, CPV), {@code optimizationGoal} (CLICK, REACH, CONVERT, SHOW, VIDEO_VIEW,
     * ENGAGED_VIEW), optional {@code pacing} (PACING_MODE_SMOOTH by default, or PACING_MODE_FAST), {@code scheduleType}
     * (SCHEDULE_FROM_NOW, or SCHEDULE_START_END with {@code scheduleEndTime}), {@code scheduleStartTime}
     * ({@code yyyy-MM-dd HH:mm:ss}, UTC), optional {@code placements} (default PLACEMENT_TIKTOK) and
     * {@code locationIds}. TikTok: {@code POST /adgroup/create/}, answer {@code data.adgroup_id}.
     */
    @Component
    static class AdGroupCreate implements CommandHandler {

        static final Set<String> BILLING = Set.of("CPC", "CPM", "OCPM", "CPV");
        static final Set<String> GOALS = Set.of("CLICK", "REACH", "CONVERT", "SHOW", "VIDEO_VIEW", "ENGAGED_VIEW");
        static final Set<String> PACING = Set.of("PACING_MODE_SMOOTH", "PACING_MODE_FAST");
        static final Set<String> SCHEDULES = Set.of("SCHEDULE_FROM_NOW", "SCHEDULE_START_END");

        @Override
        public String kind() {
            return "adgroup.create";
        }

        @Override
        public void validate(CommandParameters parameters) {
            parameters.onlyKnown(Set.of("campaignId", "adgroupName", "budgetMode", "budget", "billingEvent",
                    "optimizationGoal", "pacing", "scheduleType", "scheduleStartTime", "scheduleEndTime", "placements",
                    "locationIds", "operationStatus"));
            request(null, parameters);
        }

        @Override
        public TikTokCall request(CommandRequested command, CommandParameters parameters) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("advertiser_id", command == null ? "" : command.advertiserId());
            body.put("campaign_id", parameters.id("campaignId"));
            body.put("adgroup_name", parameters.text("adgroupName"));
            String mode = parameters.oneOf("budgetMode", BUDGET_MODES);
            body.put("budget_mode", mode);
            budget(parameters, mode, body);
            body.put("billing_event", parameters.oneOf("billingEvent", BILLING));
            body.put("optimization_goal", parameters.oneOf("optimizationGoal", GOALS));
            body.put("pacing", parameters.optionalOneOf("pacing", PACING).orElse("PACING_MODE_SMOOTH"));
            String schedule = parameters.oneOf("scheduleType", SCHEDULES);
            body.put("schedule_type", schedule);
            body.put("schedule_start_time", parameters.optionalMatching("scheduleStartTime", DATE_TIME,
                    "a time like 2026-12-01 00:00:00").orElseThrow(() -> new CommandRejectedException(
                    "parameter 'scheduleStartTime' is required")));
            var end = parameters.optionalMatching("scheduleEndTime", DATE_TIME, "a time like 2026-12-31 23:59:59");
            if ("SCHEDULE_START_END".equals(schedule) && end.isEmpty()) {
                throw new CommandRejectedException("parameter 'scheduleEndTime' is required with SCHEDULE_START_END");
            }
            end.ifPresent(e -> body.put("schedule_end_time", e));
            List<String> placements = parameters.texts("placements", 10);
            body.put("placement_type", "PLACEMENT_TYPE_NORMAL");
            body.put("placements", placements.isEmpty() ? List.of("PLACEMENT_TIKTOK") : placements);
            List<String> locations = parameters.texts("locationIds", 100);
            if (!locations.isEmpty()) {
                body.put("location_ids", locations);
            }
            parameters.optionalOneOf("operationStatus", SWITCH).ifPresent(s -> body.put("operation_status", s));
            return TikTokCall.businessPost("/adgroup/create/", body);
        }

        @Override
        public String entityId(CommandParameters parameters, TikTokAnswer answer) {
            return answer.dataText("adgroup_id");
        }

        @Override
        public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
            return context.read(Levels.ADGROUP.level, entityId);
        }
    }

    /**
     * {@code ad.create}: {@code adgroupId}, {@code adName}, {@code adText}, {@code adFormat} (SINGLE_VIDEO,
     * SINGLE_IMAGE), and the creative: {@code videoId} (or {@code imageIds}), optional {@code callToAction},
     * {@code landingPageUrl}, {@code displayName}. A Spark Ad runs an authorized post instead of an uploaded video:
     * {@code tiktokItemId} (the post), {@code identityId} and {@code identityType} (AUTH_CODE for a post authorized
     * with {@code spark.authorize}, TT_USER or BC_AUTH_TT for an account linked to the ad account), SINGLE_VIDEO, no
     * {@code videoId} or {@code imageIds}, {@code adText} optional (the post's caption runs). TikTok:
     * {@code POST /ad/create/} with one creative, answer {@code data.ad_ids}.
     */
    @Component
    static class AdCreate implements CommandHandler {

        static final Set<String> FORMATS = Set.of("SINGLE_VIDEO", "SINGLE_IMAGE");
        static final Set<String> IDENTITY_TYPES = Set.of("AUTH_CODE", "TT_USER", "BC_AUTH_TT");
        static final Pattern URL = Pattern.compile("^https?://\\S+$");

        @Override
        public String kind() {
            return "ad.create";
        }

        @Override
        public void validate(CommandParameters parameters) {
            parameters.onlyKnown(Set.of("adgroupId", "adName", "adText", "adFormat", "videoId", "imageIds",
                    "callToAction", "landingPageUrl", "displayName", "operationStatus", "tiktokItemId", "identityId",
                    "identityType"));
            request(null, parameters);
        }

        @Override
        public TikTokCall request(CommandRequested command, CommandParameters parameters) {
            Map<String, Object> creative = new LinkedHashMap<>();
            creative.put("ad_name", parameters.text("adName"));
            boolean spark = parameters.has("tiktokItemId");
            if (spark) {
                parameters.optionalText("adText").ifPresent(t -> creative.put("ad_text", t));
            } else {
                creative.put("ad_text", parameters.text("adText"));
            }
            String format = parameters.oneOf("adFormat", FORMATS);
            creative.put("ad_format", format);
            if (spark) {
                sparkCreative(parameters, format, creative);
            } else if (parameters.has("identityId") || parameters.has("identityType")) {
                throw new CommandRejectedException("parameters 'identityId' and 'identityType' belong to a Spark ad,"
                        + " which needs 'tiktokItemId' too");
            } else if ("SINGLE_VIDEO".equals(format)) {
                creative.put("video_id", parameters.text("videoId"));
            } else {
                List<String> images = parameters.texts("imageIds", 10);
                if (images.isEmpty()) {
                    throw new CommandRejectedException("parameter 'imageIds' is required with SINGLE_IMAGE");
                }
                creative.put("image_ids", images);
            }
            parameters.optionalText("callToAction").ifPresent(c -> creative.put("call_to_action", c));
            parameters.optionalMatching("landingPageUrl", URL, "an http(s) URL")
                    .ifPresent(u -> creative.put("landing_page_url", u));
            parameters.optionalText("displayName").ifPresent(d -> creative.put("display_name", d));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("advertiser_id", command == null ? "" : command.advertiserId());
            body.put("adgroup_id", parameters.id("adgroupId"));
            parameters.optionalOneOf("operationStatus", SWITCH).ifPresent(s -> body.put("operation_status", s));
            body.put("creatives", List.of(creative));
            return TikTokCall.businessPost("/ad/create/", body);
        }

        /** The creative of a Spark ad: the authorized post and the identity it runs under. */
        private static void sparkCreative(CommandParameters parameters, String format, Map<String, Object> creative) {
            if (!"SINGLE_VIDEO".equals(format)) {
                throw new CommandRejectedException("parameter 'adFormat' must be SINGLE_VIDEO for a Spark ad (a post"
                        + " named by 'tiktokItemId')");
            }
            if (parameters.has("videoId") || parameters.has("imageIds")) {
                throw new CommandRejectedException("parameters 'videoId' and 'imageIds' must be left out of a Spark"
                        + " ad: the post named by 'tiktokItemId' is its video");
            }
            creative.put("identity_type", parameters.oneOf("identityType", IDENTITY_TYPES));
            creative.put("identity_id", parameters.text("identityId"));
            creative.put("tiktok_item_id", parameters.id("tiktokItemId"));
        }

        @Override
        public String entityId(CommandParameters parameters, TikTokAnswer answer) {
            Object ids = answer.data().get("ad_ids");
            if (ids instanceof List<?> list && !list.isEmpty()) {
                return String.valueOf(list.get(0));
            }
            return answer.dataText("ad_id");
        }

        @Override
        public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
            return context.read(Levels.AD.level, entityId);
        }
    }
}
