package io.adpulse.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client on a socket, so that fuzz cases can send what {@link java.net.http.HttpClient} refuses to:
 * raw bytes in the request target, duplicate and oversized headers, a {@code Host} or {@code Content-Length} of any
 * kind. One request per connection ({@code Connection: close}); only the first answer on it counts.
 */
final class RawHttp {

    /** What came back; {@code status} 0 when the server closed or reset without an answer. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends {@code method target} with {@code headers} (name, value pairs, sent as given) and {@code body}; adds
     * {@code Host}, {@code Connection: close} and a correct {@code Content-Length} unless the caller gave them.
     */
    Response send(String method, byte[] target, List<String[]> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            request.write(target);
            request.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            boolean host = false;
            boolean length = false;
            for (String[] header : headers) {
                host |= header[0].equalsIgnoreCase("host");
                length |= header[0].equalsIgnoreCase("content-length") || header[0].equalsIgnoreCase("transfer-encoding");
                request.write((header[0] + ": ").getBytes(StandardCharsets.ISO_8859_1));
                request.write(header[1].getBytes(StandardCharsets.UTF_8));
                request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (!host) {
                request.write(("Host: localhost:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (!length && body != null) {
                request.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException resetWhileSending) {
                // the server may answer (413, 431, 400) and close before reading everything: read what it said
            }
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    /**
     * The first answer on the connection. The server may answer more than one request on it (keep-alive): bytes the
     * fuzz case sent after what its own framing says is the end (a body longer than its Content-Length) are a request
     * of their own, usually answered 400, after the first answer; only the first answer counts.
     */
    private static Response read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no complete answer within 30 s", e);
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        // one char per byte, so that chunk sizes count right; the body is decoded as UTF-8 at the end
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 4);
        String length = headers.get("content-length");
        if (head || status == 204 || status == 304) {
            body = "";
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (length != null && length.matches("\\d{1,9}") && Integer.parseInt(length) < body.length()) {
            body = body.substring(0, Integer.parseInt(length));
        }
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = chunked.substring(at, lineEnd).split(";")[0].trim();
            if (!sizeLine.matches("[0-9A-Fa-f]{1,7}")) {
                break;
            }
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(chunked.length(), start + size);
            body.append(chunked, start, stop);
            at = stop + 2;
        }
        return body.toString();
    }
}
