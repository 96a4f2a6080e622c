package io.adpulse.reporting.organic;

import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Texts;
import java.util.Locale;

/** How the video list is ordered: most viewed, most liked or newest first; videos lacking the value come last. */
enum OrganicSort {
    VIEWS("view_count desc nulls last"),
    LIKES("like_count desc nulls last"),
    CREATED("create_time desc nulls last");

    private final String orderBy;

    OrganicSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code sort} parameter; views when absent; a 400 for anything else. */
    static OrganicSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return VIEWS;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "views" -> VIEWS;
            case "likes" -> LIKES;
            case "created" -> CREATED;
            default -> throw new InvalidRequestException("'sort' must be views, likes or created, got '"
                    + Texts.echo(sort, 20) + "'");
        };
    }
}
