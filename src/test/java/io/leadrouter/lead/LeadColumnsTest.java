package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;

class LeadColumnsTest {

    private static LeadData lead(String email, String website, String language, BigDecimal revenue) {
        return new LeadData("x-1", "Grace", "Hopper", email, null, "Navy Systems", website, "US", "CA", null, null, 10,
                revenue, null, null, language, null);
    }

    @Test
    void aValueAtItsColumnSizeFitsAndOneCharacterMoreIsNamedWithBothLengths() {
        assertThat(LeadColumns.misfits(lead("a@b.co", null, "x".repeat(20), null), null)).isEmpty();

        assertThat(LeadColumns.misfits(lead("a@b.co", null, "x".repeat(21), null), "once normalised"))
                .containsExactly(new FieldError("language", "must be at most 20 characters once normalised (it is 21)"));
    }

    @Test
    void lengthsCountJavaCharactersSoAnEmojiCountsTwiceAsH2CountsIt() {
        assertThat(LeadColumns.misfits(lead("a@b.co", null, "😀".repeat(10), null), null)).isEmpty();
        assertThat(LeadColumns.misfits(lead("a@b.co", null, "😀".repeat(11), null), null))
                .extracting(FieldError::field).containsExactly("language");
    }

    @Test
    void anEmailDomainLongerThanItsColumnIsNamedOnTheEmail() {
        String email = "a@" + "d".repeat(252) + ".com"; // 256-character domain, 258-character address

        assertThat(LeadColumns.misfits(lead(email, null, null, null), null))
                .extracting(FieldError::field).containsExactly("email");
    }

    @Test
    void nulLoneSurrogatesAndControlCharactersCannotBeStoredButTabsNewlinesAndPairsCan() {
        assertThat(StorableText.problem("a\u0000b")).hasValueSatisfying(why -> assertThat(why).contains("U+0000"));
        assertThat(StorableText.problem("a\ud800b")).hasValueSatisfying(why -> assertThat(why).contains("surrogate"));
        assertThat(StorableText.problem("\udc00")).isPresent();
        assertThat(StorableText.problem("a\u0085")).isPresent();
        assertThat(StorableText.problem("line\tone\r\nline two 😀 İ")).isEmpty();
    }

    @Test
    void revenueIsKeptInCentsRoundedHalfUp() {
        assertThat(LeadColumns.revenueInCents(new BigDecimal("1234.565"))).hasValue(new BigDecimal("1234.57"));
        assertThat(LeadColumns.revenueInCents(new BigDecimal("0.0049"))).hasValue(new BigDecimal("0.00"));
        assertThat(LeadColumns.revenueInCents(new BigDecimal("1E+3"))).hasValue(new BigDecimal("1000.00"));
        assertThat(LeadColumns.revenueInCents(new BigDecimal("99999999999999999.994")))
                .hasValue(new BigDecimal("99999999999999999.99"));
    }

    @Test
    void revenueThatRoundsPastTheColumnOrIsNegativeDoesNotFit() {
        assertThat(LeadColumns.revenueInCents(new BigDecimal("99999999999999999.995"))).isEmpty();
        assertThat(LeadColumns.revenueInCents(new BigDecimal("1e17"))).isEmpty();
        assertThat(LeadColumns.revenueInCents(new BigDecimal("-0.01"))).isEmpty();
    }

    @Test
    void extremeExponentsAreJudgedWithoutExpandingThem() {
        long started = System.nanoTime();

        assertThat(LeadColumns.revenueInCents(new BigDecimal("1e-100001"))).hasValue(new BigDecimal("0.00"));
        assertThat(LeadColumns.revenueInCents(new BigDecimal("1e-999999999"))).hasValue(new BigDecimal("0.00"));
        assertThat(LeadColumns.revenueInCents(new BigDecimal("1e999999999"))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void storedRevenueWithMoreThanTwoDecimalsDoesNotFit() {
        assertThat(LeadColumns.misfits(lead("a@b.co", null, null, new BigDecimal("1.005")), null))
                .extracting(FieldError::field).containsExactly("annualRevenue");
        assertThat(LeadColumns.misfits(lead("a@b.co", null, null, new BigDecimal("1.01")), null)).isEmpty();
    }
}
