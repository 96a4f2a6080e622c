package io.adpulse.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A local HTTP endpoint standing in for an app's webhook callback: records every POST, answers as told. */
final class WebhookReceiver implements AutoCloseable {

    /** One received request: the signature header and the raw body. */
    record Received(String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    WebhookReceiver() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            received.add(new Received(request.requestHeaders().get("TikTok-Signature"), body));
                            Integer status = answers.poll();
                            return response.status(status == null ? 200 : status).send().then();
                        }))
                .bindNow();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/webhooks/tiktok");
    }

    /** The next requests are answered with these statuses, in order; after them, 200. */
    WebhookReceiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
