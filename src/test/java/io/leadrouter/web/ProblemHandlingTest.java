package io.leadrouter.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Bad input is a 400 naming the problem; a programming error is not answered as bad input (the
 * servlet container's error page answers it 500 without its text, see ErrorResponsesTest); a
 * feature's own refusal keeps its status, problem and headers without this class knowing it.
 */
class ProblemHandlingTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusals())
            .setControllerAdvice(new ProblemHandling()).build();

    @Test
    void badInputIsA400NamingTheProblem() throws Exception {
        mvc.perform(get("/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("page must be 0 or more"));
    }

    @Test
    void anyOtherIllegalArgumentIsAProgrammingErrorNotABadRequest() {
        assertThatThrownBy(() -> mvc.perform(get("/bug")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("java.util");
    }

    @Test
    void aFeaturesOwnRefusalKeepsItsStatusProblemAndHeaders() throws Exception {
        mvc.perform(get("/refused"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:leadrouter:problem:backlog-full"))
                .andExpect(jsonPath("$.detail").value("send it again in 2 s"));
    }

    @RestController
    static class Refusals {

        @GetMapping("/invalid")
        void invalid() {
            throw new InvalidRequestException("page must be 0 or more");
        }

        @GetMapping("/bug")
        void bug() {
            throw new IllegalArgumentException("Index 3 out of bounds for java.util.List");
        }

        @GetMapping("/refused")
        void refused() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "send it again in 2 s");
            problem.setType(URI.create("urn:leadrouter:problem:backlog-full"));
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
            throw refused;
        }
    }
}
