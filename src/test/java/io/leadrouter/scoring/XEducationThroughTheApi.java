package io.leadrouter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.SharedData;
import io.leadrouter.scoring.model.Algorithm;
import io.leadrouter.scoring.model.ConversionModel;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.ModelCard;
import io.leadrouter.scoring.model.Validation;

/**
 * What the scoring tests that run the application do with X Education: import its history as sales
 * ops would, post one of its leads as its web site would, and a trained model of a given AUC for
 * governance to judge.
 */
public final class XEducationThroughTheApi {

    private XEducationThroughTheApi() {
    }

    /** {@code POST /api/history/leads?source=x-education} with the whole file, as the caller (sales ops); 200 asserted. */
    public static void importHistory(TestRestTemplate salesOps) throws IOException {
        String csv = Files.readString(SharedData.require("x-education-leads/leads.csv"), StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = salesOps.postForEntity("/api/history/leads?source=x-education",
                new HttpEntity<>(csv, headers), JsonNode.class);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
    }

    /** Posts a lead in the export's own columns through the x-education source and runs its jobs; its id. */
    public static String postLead(LeadRouterDriver driver, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> posted = driver.admin().postForEntity("/api/leads?source=x-education",
                new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = posted.getBody().get("id").asText();
        driver.runJobsOf(id);
        return id;
    }

    /** A training whose one model validates at {@code auc}, whatever the leads (its bytes are three bytes). */
    public static ConversionModelTraining.Result trainedAt(double auc) {
        ModelCard.DataWindow window = new ModelCard.DataWindow(1, 100, 40, 60);
        ModelCard card = new ModelCard(Algorithm.LOGISTIC_REGRESSION, List.of("leadSource"), window, window,
                new Validation.Metrics(100, 40, auc, 0.2, List.of(), List.of()),
                List.of(new ModelCard.Candidate(Algorithm.LOGISTIC_REGRESSION, auc, 0.2, 1)));
        ConversionModel model = mock(ConversionModel.class);
        when(model.card()).thenReturn(card);
        when(model.toBytes()).thenReturn(new byte[] {1, 2, 3});
        return new ConversionModelTraining.Result(model, List.of(model));
    }
}
