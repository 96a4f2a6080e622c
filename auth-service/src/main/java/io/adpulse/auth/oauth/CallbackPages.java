package io.adpulse.auth.oauth;

import io.adpulse.auth.connection.Connection;
import io.adpulse.events.ConnectionKind;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The small pages a browser lands on after TikTok's consent screen. Everything variable is HTML-escaped. */
final class CallbackPages {

    private CallbackPages() {
    }

    static String connected(List<Connection> connections) {
        StringBuilder items = new StringBuilder();
        for (Connection c : connections) {
            String name = c.displayName() == null ? c.advertiserId() : c.displayName() + " (" + c.advertiserId() + ")";
            items.append("<li>").append(HtmlUtils.htmlEscape(name)).append("</li>");
        }
        boolean creators = !connections.isEmpty()
                && connections.get(0).kind() == ConnectionKind.CREATOR;
        return page("TikTok connected", "Connected " + connections.size()
                        + (creators ? " TikTok account(s)" : " advertiser(s)"),
                "<ul>" + items + "</ul>");
    }

    static String failed(CallbackFailure failure, String detail) {
        return page("TikTok connection failed", HtmlUtils.htmlEscape(failure.title()),
                "<p>" + HtmlUtils.htmlEscape(detail) + "</p>");
    }

    private static String page(String title, String heading, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Adpulse - %s</title></head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                <p><a href="/">Back to Adpulse</a></p>
                </main>
                </body>
                </html>
                """.formatted(title, heading, body);
    }
}
