package io.adpulse.alerting.notify.routing;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.config.LiveSettings;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The receivers and the routing tree in effect: compiled from the latest version of the editable settings this
 * instance read, again whenever a newer version arrives. The application configuration's are compiled at startup,
 * so a bad configuration stops the service; an edit is validated before it is stored (see {@link #compile}).
 */
@Component
public class Routing {

    /**
     * The receivers and tree of one settings version.
     *
     * @param version   the settings version they were compiled from
     * @param tree      the routing tree
     * @param receivers the receivers by name
     */
    public record Compiled(long version, RoutingTree tree, Receivers receivers) {
    }

    private final LiveSettings live;
    private final AtomicReference<Compiled> compiled;

    @Autowired
    Routing(LiveSettings live) {
        this.live = live;
        LiveSettings.Snapshot seed = live.now();
        this.compiled = new AtomicReference<>(compile(seed.version(), seed.settings(), "adpulse.alerting.receivers",
                "adpulse.alerting.routes"));
    }

    private Routing(Compiled fixed) {
        this.live = null;
        this.compiled = new AtomicReference<>(fixed);
    }

    /** Fixed receivers and tree, for tests of the parts that use them. */
    public static Routing fixed(Receivers receivers, RoutingTree tree) {
        return new Routing(new Compiled(0, tree, receivers));
    }

    /**
     * Checks the receivers and the routing tree of {@code settings}, naming fields as {@code receivers[i]...} and
     * {@code routes...}; throws {@link io.adpulse.alerting.config.InvalidSettingException} for the first invalid one.
     */
    public static Compiled compile(long version, EditableSettings settings, String receiversPrefix, String routesPrefix) {
        Receivers receivers = Receivers.of(settings.receivers(), receiversPrefix);
        return new Compiled(version, RoutingTree.of(settings.routes(), receivers.names(), routesPrefix), receivers);
    }

    /** The receivers and tree in effect, once the stored settings have been read. */
    public Mono<Compiled> current() {
        return live == null ? Mono.just(compiled.get()) : live.current().map(this::of);
    }

    /** The receivers and tree in effect now, without waiting for the stored settings to be read. */
    public Compiled now() {
        return live == null ? compiled.get() : of(live.now());
    }

    private Compiled of(LiveSettings.Snapshot snapshot) {
        Compiled known = compiled.get();
        if (known.version() == snapshot.version()) {
            return known;
        }
        Compiled fresh = compile(snapshot.version(), snapshot.settings(), "receivers", "routes");
        compiled.set(fresh);
        return fresh;
    }
}
