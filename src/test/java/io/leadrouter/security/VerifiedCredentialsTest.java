package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void verifiedCredentialsAreRememberedWithTheirGroups() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1), nanos::get);

        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of("sales-ops"));

        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).extracting(VerifiedCredentials.User::id,
                VerifiedCredentials.User::groups).containsExactly("admin", List.of("sales-ops"));
        assertThat(verified.get("Basic YWRtaW46d3Jvbmc=")).isNull();
        assertThat(verified.get(null)).isNull();
    }

    @Test
    void credentialsAreCheckedAgainOnceTheirTimeIsUp() {
        Duration ttl = Duration.ofMillis(20);
        VerifiedCredentials verified = new VerifiedCredentials(ttl, nanos::get);
        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of());

        nanos.addAndGet(ttl.toNanos() - 1);
        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).isNotNull();

        nanos.addAndGet(2);
        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).isNull();
    }

    @Test
    void aZeroTimeRemembersNothing() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ZERO, nanos::get);
        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of());

        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).isNull();
    }

    @Test
    void atMostTheBoundIsRememberedAndTheNewestIsAmongThem() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1), nanos::get);
        int sent = VerifiedCredentials.MAX_ENTRIES + 500;

        IntStream.range(0, sent).forEach(i -> verified.put(header(i), "user" + i, List.of()));

        long remembered = IntStream.range(0, sent).filter(i -> verified.get(header(i)) != null).count();
        assertThat(remembered).isEqualTo(VerifiedCredentials.MAX_ENTRIES);
        assertThat(verified.get(header(sent - 1))).extracting(VerifiedCredentials.User::id)
                .isEqualTo("user" + (sent - 1));
    }

    private static String header(int i) {
        return "Basic user" + i;
    }
}
