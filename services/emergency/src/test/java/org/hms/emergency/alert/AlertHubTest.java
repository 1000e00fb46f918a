package org.hms.emergency.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.EventEnvelope;
import org.hms.contracts.emergency.AlertRaised;
import org.hms.contracts.emergency.EdVisitSeen;
import org.hms.emergency.config.EmergencyConfig;
import org.hms.platform.events.EventJson;
import org.junit.jupiter.api.Test;

/** The hub's fan-out, without a broker: every subscriber gets each notice; a slow one is cut off, not buffered forever. */
class AlertHubTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AlertHub hub = new AlertHub(new EventJson(MAPPER), config(4), registry);

    @Test
    void everySubscriberGetsEachAlertAndBoardChange() {
        AssertSubscriber<AlertNotice> a = hub.notices().subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<AlertNotice> b = hub.notices().subscribe().withSubscriber(AssertSubscriber.create(10));
        UUID alert = UUID.randomUUID();

        hub.receive(envelope(new AlertRaised(alert, null, null, "critical", "news2", "Ward 3", "NEWS2 9", Instant.now())));
        hub.receive(envelope(new EdVisitSeen(UUID.randomUUID(), null, Instant.now())));
        hub.receive("{not json"); // skipped: the stream goes on

        for (AssertSubscriber<AlertNotice> s : java.util.List.of(a, b)) {
            assertThat(s.getItems()).extracting(AlertNotice::type).containsExactly("alert-raised", "board-changed");
            assertThat(s.getItems().get(0).alertId()).isEqualTo(alert);
            assertThat(s.getItems().get(1).change()).isEqualTo("seen");
        }
    }

    @Test
    void aSubscriberThatFallsTooFarBehindIsCutOffWhileOthersGoOn() {
        AssertSubscriber<AlertNotice> slow = hub.notices().subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<AlertNotice> fast = hub.notices().subscribe().withSubscriber(AssertSubscriber.create(100));

        for (int i = 0; i < 10; i++) {
            hub.receive(envelope(new AlertRaised(UUID.randomUUID(), null, null, "high", "triage", "ED", "ESI 2",
                    Instant.now())));
        }

        slow.awaitCompletion(Duration.ofSeconds(5));
        assertThat(slow.getItems()).isEmpty();
        assertThat(fast.getItems()).hasSize(10);
        assertThat(registry.counter("hms.emergency.stream.slow-subscribers-cut-off").count()).isEqualTo(1);
    }

    private String envelope(org.hms.contracts.DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID(),
                event.contract().type(), "/hms/emergency", event.subject(), Instant.now(), "application/json",
                event.contract().dataSchema(), 1, null, null, MAPPER.valueToTree(event));
        return new EventJson(MAPPER).write(envelope);
    }

    static EmergencyConfig config(int buffer) {
        return new EmergencyConfig() {
            @Override
            public Duration escalateAfter() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration escalationCheck() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int streamBuffer() {
                return buffer;
            }

            @Override
            public String instanceId() {
                return "test";
            }
        };
    }
}
