package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "acme.com| acme.com",
            "www.acme.com| acme.com",
            "https://www.Acme.com/about| acme.com",
            "http://sales.acme.com:8080/contact?x=1#top| acme.com",
            "sales.eu.acme.co.uk| acme.co.uk",
            "https://shop.acme.com.au| acme.com.au",
            "acme.github.io| acme.github.io",
            "docs.acme.github.io| acme.github.io",
            "ACME.COM.| acme.com",
    })
    void aHostGivesTheDomainItsCompanyRegistered(String website, String domain) {
        assertThat(Domains.registrable(website)).isEqualTo(domain);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "acme.example| acme.example",
            "www.acme.internal| acme.internal",
            "sales.acme.example| sales.acme.example",
    })
    void aHostUnderASuffixTheListDoesNotKnowIsKeptWhole(String website, String domain) {
        assertThat(Domains.registrable(website)).isEqualTo(domain);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "N/A", "localhost", "http://intranet/", "192.168.1.10", "http://10.0.0.1:8080/x",
            "http://[::1]/", "co.uk", "github.io", "www"})
    void whatNamesNoCompanyGivesNoDomain(String website) {
        assertThat(Domains.registrable(website)).isNull();
    }

    @Test
    void anEmailAddressGivesItsCompanysRegistrableDomain() {
        assertThat(Domains.ofEmail("Jane@Sales.EU.Acme.co.uk")).isEqualTo("acme.co.uk");
        assertThat(Domains.ofEmail("jane@acme.com")).isEqualTo("acme.com");
        assertThat(Domains.ofEmail("jane@localhost")).isNull();
        assertThat(Domains.ofEmail("jane")).isNull();
        assertThat(Domains.ofEmail(null)).isNull();
    }

    @Test
    void aWebsiteGivesItsCompanysRegistrableDomain() {
        assertThat(Domains.ofWebsite("https://www.Sales.Acme.com/about")).isEqualTo("acme.com");
        assertThat(Domains.ofWebsite("acme.co.uk")).isEqualTo("acme.co.uk");
        assertThat(Domains.ofWebsite("http://192.168.1.10/")).isNull();
        assertThat(Domains.ofWebsite("Select")).isNull();
    }

    @Test
    void freeMailProvidersNameNoCompany() {
        assertThat(Domains.ofEmail("jane@gmail.com")).isNull();
        assertThat(Domains.ofEmail("jane@Yahoo.co.uk")).isNull();
        assertThat(Domains.ofEmail("jane@mail.gmx.de")).isNull();
        assertThat(Domains.ofWebsite("https://www.gmail.com")).isNull();

        assertThat(Domains.isFreeMail("Gmail.com")).isTrue();
        assertThat(Domains.isFreeMail("mail.yahoo.co.uk")).isTrue();
        assertThat(Domains.isFreeMail("acme.com")).isFalse();
        assertThat(Domains.isFreeMail("gmail.acme.com")).isFalse();
        assertThat(Domains.isFreeMail(null)).isFalse();
    }

    @Test
    void aDomainTooLongForDnsIsKeptAsWrittenSoItsColumnCheckSeesIt() {
        String domain = "d".repeat(252) + ".com";

        assertThat(Domains.ofEmail("a@" + domain)).isEqualTo(domain);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "acme.de| de",
            "https://www.Acme.co.uk/about| uk",
            "sales.acme.com.au| au",
            "acme.github.io| io",
            "acme.com| com",
            "ACME.FR.| fr",
    })
    void aHostGivesItsTopLevelDomain(String website, String tld) {
        assertThat(Domains.topLevelDomain(website)).isEqualTo(tld);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "N/A", "localhost", "192.168.1.10", "co.uk", "de", "acme.example", "not a host"})
    void whatIsNoNameUnderAKnownSuffixGivesNoTopLevelDomain(String website) {
        assertThat(Domains.topLevelDomain(website)).isNull();
    }
}
