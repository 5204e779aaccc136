package io.leadrouter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The public data sets beside the project ({@code ../shared/data}, see its README). A test that
 * reads one skips in a clone without them, but fails when {@code CI} is set, so that a build
 * server never passes by proving nothing.
 */
public final class SharedData {

    private static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() {
    }

    /** The file at this path under {@code ../shared/data}; skips the test (fails on CI) when it is missing. */
    public static Path require(String path) {
        return require(path, System.getenv("CI") != null);
    }

    static Path require(String path, boolean onCi) {
        Path file = ROOT.resolve(path);
        if (!Files.isRegularFile(file)) {
            String why = "data set not found at " + file.toAbsolutePath().normalize();
            if (onCi) {
                Assertions.fail("CI is set, so the tests on the shared data sets must run: " + why);
            }
            Assumptions.abort("Skipping: " + why);
        }
        return file;
    }
}
