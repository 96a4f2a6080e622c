package io.adpulse.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Hostile input, drawn from jqwik's random source: strings that break parsers and logs (control characters, lone
 * surrogates, bidi overrides, injection payloads, huge and numeric-looking text), JSON of the wrong shape and type,
 * truncated and deeply nested documents.
 */
final class Garbage {

    private static final List<String> NASTY = List.of("", " ", "\t\r\n", "null", "undefined", "0", "-1",
            "2147483648", "-9223372036854775809", "1e309", "NaN", "Infinity", "0x1F", "1.5", "true", "[]", "{}",
            "2026-02-30", "2026-13-01", "9999-12-31", "0000-00-00", "-0001-01-01", "today", "P1D", "../", "..%2f",
            "%2e%2e%2f", "%00", "\u0000", "%", "%zz", "%E0%A4%A", "\\", "'", "\"", "' OR '1'='1", "1; drop table x;--",
            "${jndi:ldap://localhost:9/x}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "\r\nX-Injected: 1",
            "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "\uD800", "\uDFFF\uD800", "😀👩‍👩‍👧‍👦", "Z̴̡̧̛̝͈a̷̢̛l̶g̵o",
            "日本語テキスト", "العربية", "\u0085\u2028\u2029", "ﷺ", "ǅ", "İ", "ß", "\uFFFF", "\uFFFE",
            "advertiser_id", "admin", "system", "*", "?", "&", "=", ";", ",", "/", "//", "~", "|");

    private Garbage() {
    }

    static String string(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> NASTY.get(r.nextInt(NASTY.size()));
            case 3 -> NASTY.get(r.nextInt(NASTY.size())) + NASTY.get(r.nextInt(NASTY.size()));
            case 4 -> randomChars(r, r.nextInt(40));
            case 5 -> "x".repeat(r.nextInt(4) == 0 ? 70_000 : 1 + r.nextInt(5_000));
            case 6 -> Long.toString(r.nextLong());
            default -> Integer.toString(r.nextInt(40));
        };
    }

    /** Any code point, control characters and surrogates included. */
    static String randomChars(Random r, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(switch (r.nextInt(4)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> (char) (0xD800 + r.nextInt(0x800));
                case 2 -> (char) r.nextInt(0x10000);
                default -> (char) (0x20 + r.nextInt(0x5F));
            });
        }
        return text.toString();
    }

    /** A JSON value of any type, nested up to {@code depth}. */
    static String json(Random r, int depth) {
        int kind = depth <= 0 ? r.nextInt(6) : r.nextInt(8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(r.nextBoolean());
            case 2 -> Long.toString(r.nextLong());
            case 3 -> List.of("1e400", "-0", "0.0000000000000000000001", "123456789012345678901234567890",
                    "1.5", "-1E-7").get(r.nextInt(6));
            case 4, 5 -> quote(string(r));
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    array.append(i > 0 ? "," : "").append(json(r, depth - 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = 0, n = r.nextInt(6); i < n; i++) {
                    object.append(i > 0 ? "," : "").append(quote(r.nextBoolean() ? string(r) : field(r))).append(':')
                            .append(json(r, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    /** Field names the services read, so that wrong types reach their binders. */
    static String field(Random r) {
        List<String> fields = List.of("name", "advertiserId", "advertiserIds", "clientId", "brandId", "from", "to",
                "date", "matchers", "startsAt", "endsAt", "comment", "createdBy", "currency", "timezone", "kind",
                "subjectId", "period", "recipients", "event", "client_key", "create_time", "user_openid", "content",
                "id", "reason", "level", "limit", "state");
        return fields.get(r.nextInt(fields.size()));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A request body: broken, wrongly typed, truncated, huge or very deeply nested JSON, or plain bytes. */
    static byte[] body(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> randomBytes(r, r.nextInt(2_000));
            case 1 -> nested(r);
            case 2 -> huge(r);
            case 3 -> truncate(r, json(r, 4));
            case 4 -> ("{\"a\":1,\"a\":2," + quote(field(r)) + ":" + json(r, 2) + "}").getBytes(StandardCharsets.UTF_8);
            case 5 -> randomChars(r, r.nextInt(300)).getBytes(StandardCharsets.UTF_8);
            default -> json(r, 4).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A TikTok-shaped notification with some fields of the wrong type or value, possibly truncated. */
    static byte[] notification(Random r, String clientKey) {
        String content = r.nextBoolean() ? quote("{\"reason\":" + r.nextInt(9) + "}") : json(r, 2);
        String body = "{\"client_key\":" + (r.nextInt(4) == 0 ? json(r, 1) : quote(clientKey))
                + ",\"event\":" + (r.nextInt(3) == 0 ? json(r, 1) : quote(r.nextBoolean() ? "post.publish.complete"
                        : string(r)))
                + ",\"create_time\":" + (r.nextInt(3) == 0 ? json(r, 1) : Long.toString(Instant.now().getEpochSecond()))
                + ",\"user_openid\":" + (r.nextInt(3) == 0 ? json(r, 1) : quote("fuzz-" + r.nextInt(1_000_000)))
                + ",\"content\":" + content + "}";
        return r.nextInt(4) == 0 ? truncate(r, body) : body.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    static byte[] nested(Random r) {
        int depth = List.of(64, 1_000, 5_000, 50_000).get(r.nextInt(4));
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] huge(Random r) {
        int size = List.of(300_000, 1_100_000, 3_000_000).get(r.nextInt(3));
        return ("{\"name\":\"" + "A".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] truncate(Random r, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] cut = new byte[bytes.length <= 1 ? 0 : r.nextInt(bytes.length)];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        return cut;
    }
}
