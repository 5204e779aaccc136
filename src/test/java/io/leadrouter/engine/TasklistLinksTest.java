package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Tasklist addresses notifications carry, under the public URL users open Lead Router at. */
class TasklistLinksTest {

    @Test
    void aTaskLinkOpensTheTaskInTasklistOfTheEngineUnderThePublicUrl() {
        assertThat(links("https://leads.example.com/", "/camunda").task("t-1"))
                .contains("https://leads.example.com/camunda/app/tasklist/default/#/?task=t-1");
        assertThat(links("https://example.com/sales", "/camunda/").tasklist())
                .contains("https://example.com/sales/camunda/app/tasklist/default/");
    }

    @Test
    void withoutAPublicUrlThereAreNoLinks() {
        TasklistLinks none = links(" ", "/camunda");

        assertThat(none.task("t-1")).isEmpty();
        assertThat(none.openTaskOf("lead-1", "carl.lin")).as("no task looked up").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"leads.example.com", "ftp://leads.example.com", "https://leads.example.com/?a=b",
        "https://", "http://leads example.com"})
    void aPublicUrlThatIsNoWebAddressStopsTheStartWithWhatToSet(String publicUrl) {
        assertThatThrownBy(() -> links(publicUrl, "/camunda")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEADROUTER_PUBLIC_URL").hasMessageContaining(publicUrl);
    }

    private static TasklistLinks links(String publicUrl, String webapps) {
        ProcessEngine engine = (ProcessEngine) Proxy.newProxyInstance(ProcessEngine.class.getClassLoader(),
                new Class<?>[] {ProcessEngine.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getName")) {
                        return "default";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new TasklistLinks(null, engine, publicUrl, webapps);
    }
}
