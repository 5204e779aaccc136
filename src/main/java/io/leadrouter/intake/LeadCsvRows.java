package io.leadrouter.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.leadrouter.web.FieldError;

/**
 * The rows of a lead CSV file: a header row naming the columns, then one lead per row. Rows are
 * read as lists of values and matched to the header here, so a row with more values than the
 * header names is that row's error and the rows after it are still read (a map reader stops at
 * such a row for good). A short row simply lacks its last values.
 */
final class LeadCsvRows implements Closeable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final MappingIterator<List<String>> records;
    private List<String> header;

    private LeadCsvRows(MappingIterator<List<String>> records) {
        this.records = records;
    }

    /** The rows of the file; throws {@link Unreadable} when not even its start can be read. */
    static LeadCsvRows read(Reader csv) {
        try {
            return new LeadCsvRows(CSV.readerForListOf(String.class).readValues(csv));
        } catch (IOException | RuntimeJsonMappingException failure) {
            throw new Unreadable(failure);
        }
    }

    /** One row: its values by column, or the reason it cannot be read as a lead. */
    record Row(Map<String, String> values, FieldError unreadable) {
    }

    /**
     * The next row, or null after the last. Throws {@link Unreadable} when the file cannot be read
     * from here on (an unclosed quote swallows the rest of it); rows before were read.
     */
    Row next() {
        try {
            if (header == null) {
                if (!records.hasNextValue()) {
                    return null;
                }
                header = records.nextValue().stream().map(column -> column == null ? "" : column).toList();
            }
            if (!records.hasNextValue()) {
                return null;
            }
            List<String> values = records.nextValue();
            if (values.size() > header.size()) {
                return new Row(Map.of(), new FieldError("csv", "the row has " + values.size()
                        + " values but the header names " + header.size() + " columns"));
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.putIfAbsent(header.get(i), values.get(i));
            }
            return new Row(row, null);
        } catch (IOException | RuntimeJsonMappingException failure) {
            throw new Unreadable(failure);
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    /** The CSV cannot be read from the current row on; the message names why, without a stack or source excerpt. */
    static final class Unreadable extends RuntimeException {

        Unreadable(Exception failure) {
            super("cannot read the CSV from here on: " + reason(failure), failure);
        }

        FieldError error() {
            return new FieldError("csv", getMessage());
        }

        private static String reason(Throwable failure) {
            Throwable cause = failure;
            while (!(cause instanceof JsonProcessingException) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                    : cause.getMessage();
            if (message == null) {
                return "the file is not valid CSV";
            }
            String firstLine = message.lines().findFirst().orElse(message);
            return firstLine.length() <= 200 ? firstLine : firstLine.substring(0, 200) + "…";
        }
    }
}
