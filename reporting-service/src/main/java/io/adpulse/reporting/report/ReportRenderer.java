package io.adpulse.reporting.report;

import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.web.Exports;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a weekly report as a self-contained HTML page and as CSV (RFC 4180, the same cell rules as the exports).
 * Every text in the HTML, names from TikTok and from admins alike, is HTML-escaped, so a campaign named
 * {@code <script>} shows as text. Numbers follow the API's rules: money in the currency's minor units, missing shown
 * as missing (an empty cell, or "–"), never as zero.
 */
final class ReportRenderer {

    static final List<String> CSV_HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("section", "clientId", "clientName", "brandId", "brandName",
                "weekStart", "weekEnd", "advertiserId", "advertiserName", "timeZone", "campaignId", "campaignName",
                "currency", "daysReported"));
        header.addAll(Measures.NAMES);
        CSV_HEADER = List.copyOf(header);
    }

    private static final List<String> SHOWN = List.of("spend", "impressions", "clicks", "conversions",
            "conversionValue", "ctr", "cpc", "cpm", "cpa", "roas");

    private ReportRenderer() {
    }

    static String csv(WeeklyContent c) {
        StringBuilder out = new StringBuilder(Exports.line(CSV_HEADER));
        for (var a : c.advertisers()) {
            out.append(row(c, "advertiser", a.advertiserId(), a.name(), a.timeZone(), null, null, a.currency(),
                    a.daysReported(), measures(a.sums(), a.currency())));
        }
        for (var k : c.campaigns()) {
            var a = advertiser(c, k.advertiserId());
            out.append(row(c, "campaign", k.advertiserId(), a == null ? null : a.name(),
                    a == null ? null : a.timeZone(), k.campaignId(), k.name(), k.currency(), k.daysReported(),
                    Measures.of(k.sums(), k.currency())));
        }
        for (var t : c.totals()) {
            out.append(row(c, "total", null, null, null, null, null, t.currency(), t.advertisers(),
                    measures(t.sums(), t.currency())));
        }
        return out.toString();
    }

    private static String row(WeeklyContent c, String section, String advertiserId, String advertiserName,
            String timeZone, String campaignId, String campaignName, String currency, long count, Measures m) {
        List<String> cells = new ArrayList<>(Arrays.asList(section, c.clientId(), c.clientName(), c.brandId(),
                c.brandName(), c.weekStart().toString(), c.weekEnd().toString(), advertiserId, advertiserName,
                timeZone, campaignId, campaignName, currency, String.valueOf(count)));
        cells.addAll(m.values());
        return Exports.line(cells);
    }

    static String html(WeeklyContent c) {
        StringBuilder h = new StringBuilder();
        String title = "Weekly report " + c.clientName() + (c.brandName() == null ? "" : " / " + c.brandName())
                + ", " + c.weekStart() + " to " + c.weekEnd();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(e(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "margin-bottom:2em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "th:first-child,td:first-child,.text{text-align:left}</style>\n</head>\n<body>\n<h1>")
                .append(e(title)).append("</h1>\n<p>Client: ").append(e(c.clientName()));
        if (c.brandName() != null) {
            h.append(" &middot; Brand: ").append(e(c.brandName()));
        }
        h.append("<br>Week ").append(c.weekStart()).append(" (Monday) to ").append(c.weekEnd())
                .append(" (Sunday), dates local to each advertiser&#39;s time zone. Generated ")
                .append(DateTimeFormatter.ISO_INSTANT.format(c.generatedAt()))
                .append(". Amounts are in each row&#39;s currency and never added across currencies; "
                        + "&ldquo;&ndash;&rdquo; is a figure TikTok did not report.</p>\n");
        h.append("<h2>Totals per currency</h2>\n<table>\n<tr><th>Currency</th><th>Advertisers</th>");
        header(h);
        for (var t : c.totals()) {
            h.append("<tr><td class=\"text\">").append(e(t.currency())).append("</td><td>").append(t.advertisers())
                    .append("</td>");
            cells(h, measures(t.sums(), t.currency()));
        }
        h.append("</table>\n<h2>Advertisers</h2>\n<table>\n<tr><th>Advertiser</th><th>Brand</th><th>Time zone</th>"
                + "<th>Currency</th><th>Days reported</th>");
        header(h);
        for (var a : c.advertisers()) {
            h.append("<tr><td class=\"text\">").append(e(a.name() == null ? a.advertiserId() : a.name()))
                    .append("</td><td class=\"text\">").append(e(a.brandName())).append("</td><td class=\"text\">")
                    .append(e(a.timeZone())).append("</td><td class=\"text\">").append(e(a.currency()))
                    .append("</td><td>").append(a.daysReported()).append("</td>");
            cells(h, measures(a.sums(), a.currency()));
        }
        h.append("</table>\n<h2>Campaigns</h2>\n<table>\n<tr><th>Campaign</th><th>Advertiser</th><th>Currency</th>"
                + "<th>Days reported</th>");
        header(h);
        for (var k : c.campaigns()) {
            var a = advertiser(c, k.advertiserId());
            String name = k.name() == null ? k.campaignId() : k.name();
            h.append("<tr><td class=\"text\">").append(e(name))
                    .append(Boolean.TRUE.equals(k.deleted()) ? " (deleted)" : "")
                    .append("</td><td class=\"text\">").append(e(a == null || a.name() == null ? k.advertiserId()
                            : a.name()))
                    .append("</td><td class=\"text\">").append(e(k.currency())).append("</td><td>")
                    .append(k.daysReported()).append("</td>");
            cells(h, Measures.of(k.sums(), k.currency()));
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h) {
        for (String name : SHOWN) {
            h.append("<th>").append(name).append("</th>");
        }
        h.append("</tr>\n");
    }

    private static void cells(StringBuilder h, Measures m) {
        List<String> values = m.values();
        for (String name : SHOWN) {
            String value = values.get(Measures.NAMES.indexOf(name));
            h.append("<td>").append(value == null ? "&ndash;" : e(value)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static Measures measures(io.adpulse.reporting.kpi.MetricSums sums, String currency) {
        return sums == null ? Measures.NONE : Measures.of(sums, currency);
    }

    private static WeeklyContent.AdvertiserLine advertiser(WeeklyContent c, String advertiserId) {
        return c.advertisers().stream().filter(a -> a.advertiserId().equals(advertiserId)).findFirst().orElse(null);
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
