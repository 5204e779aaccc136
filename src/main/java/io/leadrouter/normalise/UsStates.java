package io.leadrouter.normalise;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves US states, DC and the territories PR, GU and VI from their two-letter code or full name
 * (any case, dots and spacing ignored) to the upper-case two-letter USPS code. Data in
 * {@code reference/us-states.csv}, loaded once per JVM on first use; immutable and thread-safe.
 */
public final class UsStates {

    static final String RESOURCE = "/reference/us-states.csv";

    private UsStates() {
    }

    /** The two-letter code, or empty for blanks, placeholders and anything that is not a US state. */
    public static Optional<String> resolve(String text) {
        String cleaned = Placeholders.clean(text);
        if (cleaned == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Table.BY_KEY.get(Keys.compact(cleaned)));
    }

    private static final class Table {

        static final Map<String, String> BY_KEY;

        static {
            Map<String, String> byKey = new HashMap<>();
            for (Map<String, String> row : ReferenceCsv.read(RESOURCE)) {
                String code = Keys.upper(ReferenceCsv.column(row, "code"));
                if (code.length() != 2) {
                    throw new IllegalStateException(RESOURCE + ": bad code '" + code + "'");
                }
                Keys.putUnique(byKey, Keys.compact(code), code, RESOURCE + " code " + code);
                String name = ReferenceCsv.column(row, "name");
                Keys.putUnique(byKey, Keys.compact(name), code, RESOURCE + " name " + name);
                for (String alias : ReferenceCsv.column(row, "aliases").split("\\|")) {
                    if (!alias.isBlank()) {
                        Keys.putUnique(byKey, Keys.compact(alias), code, RESOURCE + " alias " + alias);
                    }
                }
            }
            BY_KEY = Map.copyOf(byKey);
        }

        private Table() {
        }
    }
}
