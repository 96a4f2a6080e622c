package io.adpulse.ingest.command;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code tiktok.commands.v1} (keyed by connection id, so one account's commands run one after the other) and
 * executes each command ({@link CommandExecutor}) on the consumer thread, like every listener here: a record that is
 * not a {@link CommandRequested} is dead-lettered to {@code tiktok.commands.v1.dlt} at once; other failures (the
 * database, the broker) are retried and then dead-lettered. Retries never call TikTok twice: the command's row is
 * claimed before the call.
 */
@Component
class CommandListener {

    /** Longest wait for one command: TikTok's rate-limit wait and a call with its timeout, and two reads. */
    static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(90);

    private final EventCodec codec;
    private final CommandExecutor executor;

    CommandListener(EventCodec codec, CommandExecutor executor) {
        this.codec = codec;
        this.executor = executor;
    }

    /** Records per poll: 3 x {@link #EFFECT_TIMEOUT} stays inside the consumer's max.poll.interval.ms (6 min). */
    static final String MAX_POLL_RECORDS = "3";

    @KafkaListener(topics = Topics.COMMANDS, properties = "max.poll.records=" + MAX_POLL_RECORDS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        CommandRequested command = codec.decode(record.value(), CommandRequested.class).data();
        executor.handle(command, record.value()).block(EFFECT_TIMEOUT);
    }
}
