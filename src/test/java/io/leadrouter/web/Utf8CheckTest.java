package io.leadrouter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    @Test
    void wellFormedTextPassesEvenWhenSplitInsideACharacter() {
        byte[] text = "Straße, Żółw, 🐢, 東京".getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= text.length; split++) {
            Utf8Check check = new Utf8Check();
            assertThat(check.accept(text, 0, split)).isNull();
            assertThat(check.accept(text, split, text.length - split)).isNull();
            assertThat(check.end()).isNull();
        }
    }

    @Test
    void overlongSlashIsRejectedWhereItStarts() {
        Utf8Check.Flaw flaw = check(new byte[] {'a', '/', (byte) 0xC0, (byte) 0xAF});
        assertThat(flaw.offset()).isEqualTo(2);
        assertThat(flaw.what()).contains("overlong", "0xC0");
    }

    @Test
    void overlongThreeAndFourByteFormsAreRejected() {
        assertThat(check(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})).isNotNull();
        assertThat(check(new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF})).isNotNull();
    }

    @Test
    void surrogatesAndCodePointsBeyondUnicodeAreRejected() {
        assertThat(check(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isNotNull(); // U+D800
        assertThat(check(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isNotNull(); // U+110000
        assertThat(check(new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80})).isNotNull();
    }

    @Test
    void strayContinuationAndTruncatedSequenceAreRejected() {
        assertThat(check(new byte[] {'a', (byte) 0x80})).isNotNull();
        assertThat(check(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).satisfies(flaw -> {
            assertThat(flaw.what()).contains("truncated");
            assertThat(flaw.offset()).isEqualTo(1);
        });
        assertThat(check(new byte[] {(byte) 0xC3, 'a'})).isNotNull();
    }

    private static Utf8Check.Flaw check(byte[] bytes) {
        Utf8Check check = new Utf8Check();
        Utf8Check.Flaw flaw = check.accept(bytes, 0, bytes.length);
        return flaw != null ? flaw : check.end();
    }
}
