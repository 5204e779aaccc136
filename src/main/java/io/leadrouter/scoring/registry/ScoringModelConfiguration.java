package io.leadrouter.scoring.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.LeakageGuard;
import io.leadrouter.scoring.model.ScoringFeatures;

/**
 * The plain-Java learning core ({@code scoring.model}) as beans: one set of features behind the
 * shipped leakage guard ({@code processes/scoring/features.yaml}) for training and for reading stored
 * models, so a model scores leads on exactly the features it learned from.
 */
@Configuration(proxyBeanMethods = false)
class ScoringModelConfiguration {

    @Bean
    ScoringFeatures scoringFeatures() {
        return new ScoringFeatures(LeakageGuard.shipped());
    }

    @Bean
    ConversionModelTraining conversionModelTraining(ScoringFeatures features) {
        return new ConversionModelTraining(features);
    }
}
