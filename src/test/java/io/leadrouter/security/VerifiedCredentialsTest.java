package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    @Test
    void verifiedCredentialsAreRememberedWithTheirGroups() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1));

        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of("sales-ops"));

        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).extracting(VerifiedCredentials.User::id,
                VerifiedCredentials.User::groups).containsExactly("admin", List.of("sales-ops"));
        assertThat(verified.get("Basic YWRtaW46d3Jvbmc=")).isNull();
        assertThat(verified.get(null)).isNull();
    }

    @Test
    void credentialsAreCheckedAgainOnceTheirTimeIsUp() throws InterruptedException {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMillis(20));
        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of());

        Thread.sleep(40);

        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).isNull();
    }

    @Test
    void aZeroTimeRemembersNothing() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ZERO);
        verified.put("Basic YWRtaW46YWRtaW4=", "admin", List.of());

        assertThat(verified.get("Basic YWRtaW46YWRtaW4=")).isNull();
    }
}
