package io.adpulse.sandbox.loginkit;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/** The pages a TikTok user sees on Login Kit's authorize screen. Every value is HTML-escaped. */
final class LoginKitPages {

    private LoginKitPages() {
    }

    static String consent(AuthorizeRequest request, List<Creator> creators) {
        String accounts = creators.stream().map(creator -> """
                <li><label><input type="radio" name="open_id" value="%s"%s> %s <small>(@%s)</small></label></li>"""
                .formatted(esc(creator.openId()), creator == creators.get(0) ? " checked" : "",
                        esc(creator.displayName()), esc(creator.username())))
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>TikTok (sandbox): authorize</title></head>
                <body>
                <h1>%s wants to access your TikTok account</h1>
                <p>Permissions: %s</p>
                <form method="get" action="/v2/auth/authorize/decide">
                <input type="hidden" name="client_key" value="%s">
                <input type="hidden" name="response_type" value="code">
                <input type="hidden" name="scope" value="%s">
                <input type="hidden" name="redirect_uri" value="%s">
                <input type="hidden" name="state" value="%s">
                <input type="hidden" name="code_challenge" value="%s">
                <input type="hidden" name="code_challenge_method" value="%s">
                <p>Continue as:</p>
                <ul>
                %s
                </ul>
                <button type="submit" name="decision" value="approve">Authorize</button>
                <button type="submit" name="decision" value="deny">Cancel</button>
                </form>
                </body></html>
                """.formatted(esc(request.clientKey()), esc(request.scope()), esc(request.clientKey()),
                esc(request.scope()), esc(request.redirectUri()), esc(request.state()), esc(request.codeChallenge()),
                esc(request.codeChallengeMethod()), accounts);
    }

    static String error(String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>TikTok (sandbox): error</title></head>
                <body><h1>Something went wrong</h1><p>%s</p></body></html>
                """.formatted(esc(message));
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
