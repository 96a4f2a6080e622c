package io.adpulse.reporting.web;

import io.adpulse.events.EntityLevel;
import java.util.Locale;

/** Checks a {@code level} request parameter: {@code advertiser}, {@code campaign}, {@code adgroup} or {@code ad}. */
public final class Levels {

    private static final int MAX_ECHO = 40;

    private Levels() {
    }

    /** The level; {@code fallback} when the parameter is absent; a 400 when it names no level. */
    public static EntityLevel parse(String level, EntityLevel fallback) {
        if (level == null) {
            return fallback;
        }
        return switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "advertiser" -> EntityLevel.ADVERTISER;
            case "campaign" -> EntityLevel.CAMPAIGN;
            case "adgroup" -> EntityLevel.ADGROUP;
            case "ad" -> EntityLevel.AD;
            default -> throw new InvalidRequestException("'level' must be one of advertiser, campaign, adgroup, ad; got '"
                    + Texts.echo(level, MAX_ECHO) + "'");
        };
    }

    /** The level as the API names it. */
    public static String name(EntityLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
