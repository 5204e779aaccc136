package io.leadrouter.scoring.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadrouter.scoring.LeadOutcomeHistory;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.ScoringFeatures;

/**
 * Serving asks {@link ScoringModels#current()} for every lead: the published version is read from the
 * database at most once per check interval, not per lead.
 */
class PublishedModelCacheTest {

    private final ScoringModelRegistry registry = mock(ScoringModelRegistry.class);

    private ScoringModels models(Duration check) {
        return new ScoringModels(mock(LeadOutcomeHistory.class), mock(ConversionModelTraining.class),
                mock(ScoringFeatures.class), mock(ScoringModelGovernance.class), registry, null,
                Clock.systemUTC(), check);
    }

    @Test
    void aThousandLeadsWithinTheCheckIntervalReadThePublishedVersionOnce() {
        when(registry.publishedVersion()).thenReturn(Optional.empty());
        ScoringModels models = models(Duration.ofMinutes(1));

        for (int lead = 0; lead < 1000; lead++) {
            assertThat(models.current()).isEmpty();
        }

        verify(registry, times(1)).publishedVersion();
        verify(registry, never()).model(anyInt());
    }

    @Test
    void afterTheCheckIntervalThePublishedVersionIsReadAgain() {
        when(registry.publishedVersion()).thenReturn(Optional.empty());
        ScoringModels models = models(Duration.ZERO);

        models.current();
        models.current();

        verify(registry, times(2)).publishedVersion();
    }
}
