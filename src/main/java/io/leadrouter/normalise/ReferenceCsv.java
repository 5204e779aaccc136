package io.leadrouter.normalise;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the reference CSV files (header row, {@code #} comment lines) from the classpath. */
final class ReferenceCsv {

    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withHeader().withComments();

    private ReferenceCsv() {
    }

    static List<Map<String, String>> read(String resource) {
        List<Map<String, String>> rows = new ArrayList<>();
        forEachRow(resource, rows::add);
        return rows;
    }

    /** Hands each row to {@code action} as it is read, so that a large table is never held as rows. */
    static void forEachRow(String resource, Consumer<Map<String, String>> action) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data not on the classpath: " + resource);
            }
            try (MappingIterator<Map<String, String>> rows =
                         mapper.readerForMapOf(String.class).with(SCHEMA).readValues(in)) {
                rows.forEachRemaining(action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + resource, e);
        }
    }

    /** The named column, trimmed; the empty string when absent. */
    static String column(Map<String, String> row, String name) {
        String value = row.get(name);
        return value == null ? "" : value.trim();
    }
}
