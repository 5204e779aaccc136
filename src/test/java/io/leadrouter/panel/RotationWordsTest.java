package io.leadrouter.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotationWordsTest {

    @Test
    void placesReadAsPeopleSayThem() {
        assertThat(RotationWords.inLine(1)).isEqualTo("next in line");
        assertThat(RotationWords.inLine(2)).isEqualTo("2nd in line");
        assertThat(RotationWords.inLine(3)).isEqualTo("3rd in line");
        assertThat(RotationWords.inLine(4)).isEqualTo("4th in line");
        assertThat(RotationWords.inLine(11)).isEqualTo("11th in line");
        assertThat(RotationWords.inLine(12)).isEqualTo("12th in line");
        assertThat(RotationWords.inLine(13)).isEqualTo("13th in line");
        assertThat(RotationWords.inLine(21)).isEqualTo("21st in line");
        assertThat(RotationWords.inLine(112)).isEqualTo("112th in line");
        assertThat(RotationWords.inLine(123)).isEqualTo("123rd in line");
    }
}
