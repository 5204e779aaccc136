package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GTXPro, GTX Pro", "gtx pro, GTX Pro", "GTX-Pro, GTX Pro", "GTK500, GTK 500", "gtk 500, GTK 500",
            "gtx basic, GTX Basic", "MGSpecial, MG Special", "mg  advanced, MG Advanced",
            "GTXPlusPro, GTX Plus Pro", "gtx+ pro, GTX Plus Pro", "GTX Plus Basic, GTX Plus Basic",
            "gtx_plus_basic, GTX Plus Basic",
    })
    void mapsCaseAndSpacingVariantsToTheCatalogueName(String raw, String canonical) {
        assertThat(Products.canonical(raw)).isEqualTo(canonical);
    }

    @Test
    void keepsEveryCatalogueNameAsIs() {
        assertThat(Products.CATALOGUE).hasSize(7)
                .allSatisfy(product -> assertThat(Products.canonical(product)).isEqualTo(product));
    }

    @Test
    void keepsUnknownProductsAsCleanedText() {
        assertThat(Products.canonical("  GTX   Ultra ")).isEqualTo("GTX Ultra");
    }

    @Test
    void returnsNullForBlanksAndPlaceholders() {
        assertThat(Products.canonical(null)).isNull();
        assertThat(Products.canonical("  ")).isNull();
        assertThat(Products.canonical("Select")).isNull();
    }
}
