package io.adpulse.identity.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The server-rendered sign-in pages: one small form each, labelled fields, messages in a live region. */
final class Pages {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2330;margin:0}
            main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;
            box-shadow:0 1px 4px rgba(0,0,0,.12)}
            h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem;font-weight:600}
            input{width:100%;box-sizing:border-box;padding:.55rem;font-size:1rem;border:1px solid #8a93a6;
            border-radius:4px}button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#1d4ed8;
            color:#fff;border:0;border-radius:4px;cursor:pointer}button:focus,input:focus{outline:3px solid #93c5fd}
            .error{background:#fde8e8;color:#8b1a1a;padding:.6rem;border-radius:4px}
            .info{background:#e6f0ff;color:#123a7a;padding:.6rem;border-radius:4px}
            code{word-break:break-all;font-size:1.05rem}img{display:block;margin:1rem auto}
            """;

    private Pages() {
    }

    static String page(String title, String message, boolean error, String body) {
        String notice = message == null ? "<div role=\"status\" aria-live=\"polite\"></div>"
                : "<div role=\"" + (error ? "alert" : "status") + "\" class=\"" + (error ? "error" : "info")
                        + "\" id=\"message\">" + esc(message) + "</div>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · Adpulse</title><style>" + STYLE + "</style></head><body><main>"
                + "<h1>" + esc(title) + "</h1>" + notice + body + "</main></body></html>";
    }

    static String signIn(String base, CsrfToken csrf, String message, boolean error) {
        return page("Sign in to Adpulse", message, error, "<form method=\"post\" action=\"" + esc(base) + "/login\">"
                + hidden(csrf)
                + "<label for=\"username\">Username</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Continue</button></form>");
    }

    static String code(String base, CsrfToken csrf, String message) {
        return page("Enter your code", message, message != null, "<p>Open your authenticator app and enter the "
                + "6-digit code for Adpulse.</p><form method=\"post\" action=\"" + esc(base) + "/login/totp\">" + hidden(csrf)
                + codeField() + "<button type=\"submit\">Verify</button></form>");
    }

    static String enrol(String base, CsrfToken csrf, String qrDataUri, String secret, String message) {
        return page("Set up two-factor sign-in", message, message != null,
                "<p>Every Adpulse account needs an authenticator app (TOTP). Scan this code with it, or enter the "
                        + "key by hand, then type the 6-digit code the app shows.</p>"
                        + "<img src=\"" + esc(qrDataUri) + "\" width=\"240\" height=\"240\" "
                        + "alt=\"QR code with the key shown below\">"
                        + "<p>Key: <code id=\"secret\">" + esc(secret) + "</code></p>"
                        + "<form method=\"post\" action=\"" + esc(base) + "/login/enrol\">" + hidden(csrf) + codeField()
                        + "<button type=\"submit\">Confirm</button></form>");
    }

    static String invitation(String base, CsrfToken csrf, String token, String username, String message) {
        return page("Welcome to Adpulse", message, message != null, "<p>Choose a password for <strong>"
                + esc(username) + "</strong> (at least 12 characters). Next you will set up two-factor sign-in.</p>"
                + "<form method=\"post\" action=\"" + esc(base) + "/invite\">" + hidden(csrf)
                + "<input type=\"hidden\" name=\"token\" value=\"" + esc(token) + "\">"
                + "<label for=\"password\">New password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" "
                + "minlength=\"12\" required autofocus>"
                + "<label for=\"confirm\">Repeat the password</label>"
                + "<input id=\"confirm\" name=\"confirm\" type=\"password\" autocomplete=\"new-password\" required>"
                + "<button type=\"submit\">Set password</button></form>");
    }

    static String signedIn(String base, CsrfToken csrf, String username) {
        return page("Signed in", "You are signed in as " + username + ".", false,
                "<form method=\"post\" action=\"" + esc(base) + "/logout\">" + hidden(csrf)
                        + "<button type=\"submit\">Sign out</button></form>");
    }

    private static String codeField() {
        return "<label for=\"code\">6-digit code</label><input id=\"code\" name=\"code\" inputmode=\"numeric\" "
                + "pattern=\"[0-9]{6}\" maxlength=\"6\" autocomplete=\"one-time-code\" required autofocus>";
    }

    private static String hidden(CsrfToken csrf) {
        return csrf == null ? "" : "<input type=\"hidden\" name=\"" + esc(csrf.getParameterName()) + "\" value=\""
                + esc(csrf.getToken()) + "\">";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
