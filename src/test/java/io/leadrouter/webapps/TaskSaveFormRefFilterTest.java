package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The workaround for Camunda 7's task save with a Camunda Form: only a task's own PUT, on
 * {@code /engine-rest} and the webapps' engine API, loses its {@code camundaFormRef}; everything
 * else reaches Camunda as it was sent.
 */
class TaskSaveFormRefFilterTest {

    private static final String TASK = """
            {"id": "t-1", "name": "Work lead", "followUp": "2031-01-02T09:30:00.000+0000", "priority": 90,
             "camundaFormRef": {"key": "work-lead", "binding": "deployment", "version": null}}""";

    private final TaskSaveFormRefFilter filter = new TaskSaveFormRefFilter("/engine-rest", "/camunda");

    @ParameterizedTest(name = "{0} {1}: filtered {2}")
    @CsvSource({
        "PUT,  /engine-rest/task/t-1,                                  true",
        "PUT,  /camunda/api/engine/engine/default/task/t-1,            true",
        "PUT,  /camunda/api/engine/engine/other/task/t-1/,             true",
        "PUT,  /engine-rest/task/t-1/variables/outcome,                false",
        "PUT,  /camunda/api/engine/engine/default/task/t-1/localVariables/x, false",
        "POST, /engine-rest/task/t-1,                                  false",
        "PUT,  /engine-rest/process-instance/p-1,                      false",
        "PUT,  /api/leads/t-1,                                         false",
    })
    void onlyTheSaveOfATaskIsTouched(String method, String path, boolean filtered) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);

        assertThat(!filter.shouldNotFilter(request)).isEqualTo(filtered);
    }

    @Test
    void theSavedTaskReachesCamundaWithoutItsFormRefAndWithEverythingElse() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/engine-rest/task/t-1");
        request.setContentType("application/json");
        request.setContent(TASK.getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> received = new AtomicReference<>();
        AtomicReference<Long> length = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            byte[] body = req.getInputStream().readAllBytes();
            received.set(new String(body, StandardCharsets.UTF_8));
            length.set(((HttpServletRequest) req).getContentLengthLong());
            assertThat(((HttpServletRequest) req).getHeader("Content-Length")).isEqualTo(Integer.toString(body.length));
        });

        assertThat(received.get()).doesNotContain("camundaFormRef", "work-lead")
                .contains("\"followUp\":\"2031-01-02T09:30:00.000+0000\"", "\"priority\":90", "\"name\":\"Work lead\"");
        assertThat(length.get()).isEqualTo(received.get().getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"followUp\": null, \"name\": \"Work lead\"}",
        "[{\"camundaFormRef\": {}}]",
        "not json at all",
        "{\"camundaFormRef\": ",
    })
    void aBodyWithoutFormRefOrThatIsNoJsonObjectPassesAsItCame(String body) {
        byte[] sent = body.getBytes(StandardCharsets.UTF_8);

        assertThat(filter.withoutFormRef(sent)).isSameAs(sent);
    }
}
