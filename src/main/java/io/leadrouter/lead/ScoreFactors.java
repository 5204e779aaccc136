package io.leadrouter.lead;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A lead's score factors as the {@code score_factors} column keeps them: a JSON array. */
final class ScoreFactors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ConversionScore.Factor>> FACTORS = new TypeReference<>() {
    };

    private ScoreFactors() {
    }

    static String json(List<ConversionScore.Factor> factors) {
        try {
            return JSON.writeValueAsString(factors);
        } catch (JsonProcessingException plainRecords) {
            throw new IllegalStateException("Score factors cannot be written as JSON", plainRecords);
        }
    }

    /** The factors stored as {@link #json}; null for null (no model scored the lead). */
    static List<ConversionScore.Factor> read(String json, String leadId) {
        if (json == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(json, FACTORS));
        } catch (JsonProcessingException storedByUs) {
            throw new IllegalStateException("Score factors of lead " + leadId + " are not JSON", storedByUs);
        }
    }
}
