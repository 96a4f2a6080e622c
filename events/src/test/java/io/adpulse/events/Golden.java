package io.adpulse.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden CloudEvents JSON files shared by producer and consumer tests. */
public final class Golden {

    private Golden() {
    }

    /** The golden structured CloudEvent for {@code type}, as bytes exactly as stored. */
    public static byte[] bytes(EventType type) {
        String path = "/golden/" + type.type() + ".json";
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
