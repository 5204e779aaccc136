package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTest {

    @Test
    void normaliseTrimsAndLowerCases() {
        assertThat(Emails.normalise("  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
    }

    @Test
    void normaliseReturnsNullForBlanksAndPlaceholders() {
        assertThat(Emails.normalise(null)).isNull();
        assertThat(Emails.normalise("   ")).isNull();
        assertThat(Emails.normalise("N/A")).isNull();
        assertThat(Emails.normalise("none")).isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"jane@example.com", "jane.doe+leads@mail.example.co.uk", "j_d-1@sub-domain.example.io",
            "x@y.io"})
    void acceptsPragmaticallyValidAddresses(String email) {
        assertThat(Emails.isValidSyntax(email)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane@@example.com",
            "jane@doe@example.com", "jane doe@example.com", "jane@exa mple.com", "jane@.example.com",
            "jane@example..com", "jane@example.com.", "jane@example.c", "jane@-example.com",
            "jane@example.com, john@example.com", "<jane@example.com>"})
    void rejectsMalformedAddresses(String email) {
        assertThat(Emails.isValidSyntax(email)).isFalse();
    }

    @Test
    void domainIsTheLowerCasePartAfterTheAt() {
        assertThat(Emails.domain("Jane@Mail.Example.COM")).isEqualTo("mail.example.com");
        assertThat(Emails.domain("jane")).isNull();
        assertThat(Emails.domain("jane@")).isNull();
        assertThat(Emails.domain(null)).isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"test@example.com", "TEST@example.com", "test123@example.com", "test+crm@example.com",
            "asdf@example.com", "qwerty@example.com", "abc@example.com", "xxx@example.com", "fake@example.com",
            "noreply@example.com", "no-reply@example.com", "no_reply@example.com", "none@example.com",
            "nobody@example.com", "aaaa@example.com", "zz@example.com", "1234@example.com", "9876543210@example.com",
            "asdfgh@example.com", "qwertyuiop@example.com", "zxcv@example.com", "abcd@example.com",
            "123456@example.com"})
    void flagsObviouslyFakeLocalParts(String email) {
        assertThat(Emails.isSuspicious(email)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"jane.doe@example.com", "john123@example.com", "testa.rossi@example.com",
            "abcdef.smith@example.com", "j@example.com", "anna@example.com", "info@example.com",
            "jane@mailinator.com"})
    void doesNotFlagOrdinaryAddressesOrJudgeDomains(String email) {
        assertThat(Emails.isSuspicious(email)).isFalse();
    }

    @Test
    void isNotSuspiciousWithoutAnAddress() {
        assertThat(Emails.isSuspicious(null)).isFalse();
        assertThat(Emails.isSuspicious("  ")).isFalse();
    }
}
