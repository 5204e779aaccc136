package io.leadrouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The modelers' DMN tables from {@code processes/}, parsed by a standalone DMN engine for decision tests. */
public final class DecisionTables {

    public static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DecisionTables() {
    }

    /** Decision {@code key} of {@code resource} (a file name in {@code processes/}, on the classpath root). */
    public static DmnDecision parse(String resource, String key) {
        try (InputStream in = DecisionTables.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return ENGINE.parseDecision(key, in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
