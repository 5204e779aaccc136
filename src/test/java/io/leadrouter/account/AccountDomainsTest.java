package io.leadrouter.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountDomainsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "acme.com| acme.com",
            "https://www.Acme.com/about| acme.com",
            "sales.eu.acme.co.uk| acme.co.uk",
            " http://shop.acme.de:8443| acme.de",
    })
    void anAccountsDomainIsStoredAsTheRegistrableDomain(String raw, String stored) {
        assertThat(AccountDomains.parse(raw)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"not a domain", "localhost", "192.168.1.10", "co.uk", "x.c", "acme_corp.com"})
    void whatIsNoHostNameIsRefused(String raw) {
        assertThatThrownBy(() -> AccountDomains.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a domain such as acme.com");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Gmail.com", "mail.yahoo.co.uk", "https://www.gmx.de/"})
    void freeMailProvidersAreRefused(String raw) {
        assertThatThrownBy(() -> AccountDomains.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a free mail provider");
    }
}
