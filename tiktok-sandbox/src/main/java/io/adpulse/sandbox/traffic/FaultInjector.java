package io.adpulse.sandbox.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Injected faults, applied in the order they were added; a fault is dropped once used up. */
@Component
class FaultInjector {

    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    synchronized Fault add(String path, int times, Integer code, String message, String error, Integer httpStatus,
                           Duration delay, String body) {
        Fault fault = new Fault("fault-" + ids.incrementAndGet(), path, times, code, message, error, httpStatus,
                delay, body);
        faults.add(fault);
        return fault;
    }

    /** Uses up one application of the first fault for this path, if any. */
    synchronized Optional<Fault> take(String path, boolean displayApi) {
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (fault.appliesTo(path, displayApi)) {
                Fault used = fault.used();
                if (used.remaining() > 0) {
                    faults.set(i, used);
                } else {
                    faults.remove(i);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    synchronized List<Fault> pending() {
        return List.copyOf(faults);
    }

    synchronized void clear() {
        faults.clear();
    }
}
