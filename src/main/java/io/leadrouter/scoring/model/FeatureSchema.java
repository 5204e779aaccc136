package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a lead's features ({@link ScoringFeatures}) become the numbers a model reads, learned from
 * the training leads and kept with the model, so that a lead scored a year later is encoded as
 * the leads the model learned from were. Each feature becomes one or a few model inputs:
 * <ul>
 * <li>a number: its z-score by the training leads' mean and spread (the logistic regression
 *     learns one weight per unit of spread, whatever the scale: seconds or visits);
 * <li>a yes/no: 1 or 0;
 * <li>a category: one input per value seen on at least {@link #MIN_LEADS_PER_VALUE} training
 *     leads, the rarer values together as "other" (a value seen twice teaches nothing but noise);
 * <li>and for each, "not given" when the lead has no value: a missing answer often says something.
 * </ul>
 * A category with more distinct values than {@link #MAX_VALUES} is left out: it is an identifier
 * in disguise (a free-text field, a number per lead), not something shared by leads.
 */
record FeatureSchema(List<Column> columns) {

    static final int MIN_LEADS_PER_VALUE = 10;
    static final int MAX_VALUES = 200;
    static final String NOT_GIVEN = "(not given)";
    static final String OTHER = "(other)";

    enum Kind { NUMBER, YES_NO, CATEGORY }

    /** One feature as learned: numbers keep mean and spread, categories the values they know. */
    record Column(String name, Kind kind, double mean, double spread, List<String> values) {
    }

    /** One model input: which feature it comes from (for explanations), its name and value. */
    record Input(String feature, String name, double value) {
    }

    static FeatureSchema learn(List<Map<String, Object>> leads) {
        Map<String, List<Object>> valuesByFeature = new TreeMap<>();
        leads.forEach(lead -> lead.forEach((name, value) ->
                valuesByFeature.computeIfAbsent(name, any -> new ArrayList<>()).add(value)));
        List<Column> columns = new ArrayList<>();
        valuesByFeature.forEach((name, values) -> {
            Column column = column(name, values);
            if (column != null) {
                columns.add(column);
            }
        });
        return new FeatureSchema(List.copyOf(columns));
    }

    private static Column column(String name, List<Object> values) {
        if (values.stream().allMatch(Boolean.class::isInstance)) {
            return new Column(name, Kind.YES_NO, 0, 1, List.of());
        }
        if (values.stream().allMatch(Number.class::isInstance)) {
            double mean = values.stream().mapToDouble(value -> ((Number) value).doubleValue()).average().orElse(0);
            double variance = values.stream()
                    .mapToDouble(value -> Math.pow(((Number) value).doubleValue() - mean, 2)).average().orElse(0);
            double spread = Math.sqrt(variance);
            return new Column(name, Kind.NUMBER, mean, spread > 0 ? spread : 1, List.of());
        }
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(value -> counts.merge(text(value), 1, Integer::sum));
        if (counts.size() > MAX_VALUES) {
            return null;
        }
        Set<String> kept = new TreeSet<>();
        counts.forEach((value, count) -> {
            if (count >= MIN_LEADS_PER_VALUE) {
                kept.add(value);
            }
        });
        return new Column(name, Kind.CATEGORY, 0, 1, List.copyOf(kept));
    }

    /** The names of the features the model reads, sorted. */
    List<String> features() {
        return columns.stream().map(Column::name).toList();
    }

    /** Which feature each model input comes from, by the input's name. */
    Map<String, String> featureOfInput() {
        Map<String, String> features = new HashMap<>();
        for (Column column : columns) {
            features.put(column.name(), column.name());
            features.put(column.name() + " " + NOT_GIVEN, column.name());
            column.values().forEach(value -> features.put(column.name() + "=" + value, column.name()));
            features.put(column.name() + "=" + OTHER, column.name());
        }
        return features;
    }

    /** The lead's features as model inputs; an input the lead does not have is left out (it reads as 0). */
    List<Input> encode(Map<String, Object> features) {
        List<Input> inputs = new ArrayList<>(columns.size());
        for (Column column : columns) {
            Object value = features.get(column.name());
            if (value == null) {
                inputs.add(new Input(column.name(), column.name() + " " + NOT_GIVEN, 1));
                continue;
            }
            switch (column.kind()) {
                case NUMBER -> {
                    if (value instanceof Number number) {
                        inputs.add(new Input(column.name(), column.name(),
                                (number.doubleValue() - column.mean()) / column.spread()));
                    } else {
                        inputs.add(new Input(column.name(), column.name() + " " + NOT_GIVEN, 1));
                    }
                }
                case YES_NO -> {
                    if (value instanceof Boolean yes) {
                        if (yes) {
                            inputs.add(new Input(column.name(), column.name(), 1));
                        }
                    } else {
                        inputs.add(new Input(column.name(), column.name() + " " + NOT_GIVEN, 1));
                    }
                }
                case CATEGORY -> {
                    String text = text(value);
                    String known = column.values().contains(text) ? text : OTHER;
                    inputs.add(new Input(column.name(), column.name() + "=" + known, 1));
                }
            }
        }
        return inputs;
    }

    private static String text(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }
}
