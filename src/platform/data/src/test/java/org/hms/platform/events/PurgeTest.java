package org.hms.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hms.platform.idempotency.IdempotencyKeys;
import org.junit.jupiter.api.Test;

/** Sent events and expired idempotency keys leave their tables; pending and recent rows stay. */
@QuarkusTest
class PurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    IdempotencyKeys keys;

    @Test
    void sentEventsOlderThanTheKeepTimeArePurgedAndPendingOnesNever() {
        relay.pause(); // the pending row below is not a real event: keep it off Kafka
        try {
            purgeKeepsWhatMustStay();
        } finally {
            relay.resume();
        }
    }

    private void purgeKeepsWhatMustStay() {
        UUID oldSent = outboxRow("now() - interval '2 days'", "now() - interval '2 days'");
        UUID recentSent = outboxRow("now()", "now()");
        UUID oldPending = outboxRow("now() - interval '2 days'", "null");

        relay.purgeSent().await().atMost(WAIT);

        assertThat(outboxHas(oldSent)).isFalse();
        assertThat(outboxHas(recentSent)).isTrue();
        assertThat(outboxHas(oldPending)).isTrue();
        pool.preparedQuery("delete from outbox where id = any($1)")
                .execute(Tuple.of(new UUID[] {recentSent, oldPending}))
                .await()
                .atMost(WAIT);
    }

    @Test
    void idempotencyKeysExpireAfterTheirKeepTime() {
        String scope = "purge-test-" + UUID.randomUUID();
        pool.preparedQuery("insert into idempotency_key (scope, key, request_hash, created_at) values"
                        + " ($1, 'old', 'h', now() - interval '3 days'), ($1, 'fresh', 'h', now())")
                .execute(Tuple.of(scope))
                .await()
                .atMost(WAIT);

        keys.purgeExpired().await().atMost(WAIT);

        var left = pool.preparedQuery("select key from idempotency_key where scope = $1")
                .execute(Tuple.of(scope))
                .await()
                .atMost(WAIT);
        assertThat(left.rowCount()).isEqualTo(1);
        assertThat(left.iterator().next().getString("key")).isEqualTo("fresh");
    }

    private UUID outboxRow(String createdAt, String sentAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into outbox (id, topic, message_key, type, envelope, created_at, sent_at)"
                        + " values ($1, 'hms.platform-test', 'k', 't', '{}', " + createdAt + ", " + sentAt + ")")
                .execute(Tuple.of(id))
                .await()
                .atMost(WAIT);
        return id;
    }

    private boolean outboxHas(UUID id) {
        return pool.preparedQuery("select 1 from outbox where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(WAIT)
                .rowCount() == 1;
    }
}
