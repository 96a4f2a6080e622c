package io.adpulse.alerting;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a loopback port that takes every POST, records its path and body, and answers with the
 * statuses queued for that path (200 once the queue is empty): a receiver that fails, then recovers.
 */
public final class HttpReceiver {

    /** One request as received. */
    public record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> answers = new HashMap<>();

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int status = nextStatus(path);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to {@code path} are answered with these statuses, in order. */
    public synchronized void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Requests to {@code path} whose body contains {@code text}, in arrival order. */
    public List<Received> received(String path, String text) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(text)).toList();
    }

    private synchronized int nextStatus(String path) {
        Deque<Integer> queued = answers.get(path);
        return queued == null || queued.isEmpty() ? 200 : queued.poll();
    }
}
