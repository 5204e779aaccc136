package io.leadrouter.scoring;

import java.util.Arrays;
import java.util.Map;

/**
 * The words a decision gives, read into Lead Router's vocabulary at the boundary: a word a
 * modeler wrote that Java does not know fails here, naming the decision and the word, instead of
 * travelling on as text.
 */
final class DecisionWords {

    private DecisionWords() {
    }

    /** Output {@code output} of a decision's result as one of {@code words}; null when the rule gives none. */
    static <E extends Enum<E>> E read(Class<E> words, String decision, Map<String, Object> result,
                                      String output) {
        Object value = result.get(output);
        if (value == null) {
            return null;
        }
        return Arrays.stream(words.getEnumConstants())
                .filter(word -> word.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Decision '" + decision + "' gave " + output + " '"
                        + value + "', which Lead Router does not know: it must be one of "
                        + Arrays.toString(words.getEnumConstants())));
    }
}
