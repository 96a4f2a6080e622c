package io.adpulse.sandbox.oauth;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import io.adpulse.sandbox.catalog.Advertiser;

/**
 * The HTML an advertiser sees on TikTok's authorization page: which app asks, which advertiser accounts to share
 * (all ticked), Authorize and Deny. The form goes to {@code /portal/auth/decide}. Every value is HTML-escaped.
 */
final class ConsentPage {

    private ConsentPage() {
    }

    static String render(String appId, String state, String redirectUri, List<Advertiser> advertisers) {
        String rows = advertisers.stream().map(advertiser -> """
                <li><label><input type="checkbox" name="advertiser_ids" value="%s" checked> %s \
                <small>(%s, %s, %s)</small></label></li>""".formatted(
                        esc(advertiser.id()), esc(advertiser.name()), esc(advertiser.id()),
                        esc(advertiser.currency().getCurrencyCode()), esc(advertiser.zone().getId())))
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>TikTok for Business (sandbox): authorize</title></head>
                <body>
                <h1>Authorize app %s</h1>
                <p>The app <strong>%s</strong> asks to manage ads and read reports of these advertiser accounts:</p>
                <form method="get" action="/portal/auth/decide">
                <input type="hidden" name="app_id" value="%s">
                <input type="hidden" name="state" value="%s">
                <input type="hidden" name="redirect_uri" value="%s">
                <ul>
                %s
                </ul>
                <button type="submit" name="decision" value="approve">Authorize</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                </body></html>
                """.formatted(esc(appId), esc(appId), esc(appId), esc(state), esc(redirectUri), rows);
    }

    static String error(String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>TikTok for Business (sandbox): error</title></head>
                <body><h1>Authorization failed</h1><p>%s</p></body></html>
                """.formatted(esc(message));
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
