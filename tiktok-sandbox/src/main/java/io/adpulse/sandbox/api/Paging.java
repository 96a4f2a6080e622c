package io.adpulse.sandbox.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TikTok's page-number paging: {@code page} from 1 (default 1), {@code page_size} 1 to 1000 (default 10); a page
 * past the end is empty, not an error.
 *
 * @param page     requested page
 * @param pageSize rows per page
 */
public record Paging(int page, int pageSize) {

    /** The most rows TikTok serves per page. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** What a list answer says about its paging. */
    public record PageInfo(int page, @JsonProperty("page_size") int pageSize,
                           @JsonProperty("total_number") int totalNumber, @JsonProperty("total_page") int totalPage) {
    }

    /** One page of rows and its page info. */
    public record Page<T>(List<T> list, @JsonProperty("page_info") PageInfo pageInfo) {
    }

    public static Paging parse(String page, String pageSize) {
        int number = integer("page", page, 1);
        int size = integer("page_size", pageSize, 10);
        if (number < 1) {
            throw ApiException.param("page", "Must be greater than or equal to 1.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.param("page_size", "Must be greater than or equal to 1 and less than or equal to 1000.");
        }
        return new Paging(number, size);
    }

    /** This page of {@code rows}. */
    public <T> Page<T> of(List<T> rows) {
        int total = rows.size();
        int from = (int) Math.min(total, (long) (page - 1) * pageSize);
        int to = Math.min(total, from + pageSize);
        int pages = (total + pageSize - 1) / pageSize;
        return new Page<>(rows.subList(from, to), new PageInfo(page, pageSize, total, pages));
    }

    private static int integer(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException notANumber) {
            throw ApiException.param(name, "Not a valid integer.");
        }
    }
}
