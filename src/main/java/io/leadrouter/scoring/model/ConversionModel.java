package io.leadrouter.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.leadrouter.lead.Lead;

/**
 * A trained conversion model: the probability that a lead converts, judged from what was known
 * at intake, and the factors behind it. It keeps everything it needs to score a lead as it learned
 * (the encoding of features, the trained model, its card) and travels as bytes to a registry and
 * back ({@link #toBytes()}, {@link #fromBytes(byte[], ScoringFeatures)}).
 */
public final class ConversionModel {

    static final String CONVERTED = "converted";
    static final String NOT_CONVERTED = "not converted";

    /** The bytes' first four: "LRCM" (Lead Router conversion model), then the format's version. */
    private static final int MAGIC = 0x4C52434D;
    private static final int FORMAT = 1;
    /** NaN stands in the calibration table for an empty bin. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final ModelCard card;
    private final FeatureSchema schema;
    private final Model<Label> model;
    private final ScoringFeatures features;
    private final Algorithm.Contributions contributions;

    ConversionModel(ModelCard card, FeatureSchema schema, Model<Label> model, ScoringFeatures features) {
        this.card = card;
        this.schema = schema;
        this.model = model;
        this.features = features;
        this.contributions = card.algorithm().contributions(model, schema.featureOfInput());
        if (model instanceof XGBoostModel<Label> trees) {
            // one lead at a time: a second thread would only cost the hand-over
            trees.setNumThreads(1);
        }
    }

    public ModelCard card() {
        return card;
    }

    /**
     * The share (0 to 1) of the features this model learned from that the lead gives. A lead from
     * another business than the model's history (a B2B lead with industry and size, scored by a
     * model of course sign-ups that read web visits and answers) gives almost none: all the model
     * could say of it is "not given".
     */
    public double known(Lead lead) {
        if (card.features().isEmpty()) {
            return 0;
        }
        Map<String, Object> values = features.of(lead);
        long given = card.features().stream().filter(values::containsKey).count();
        return (double) given / card.features().size();
    }

    /** The probability (0 to 1) that the lead converts. */
    public double probability(Lead lead) {
        return probability(features.of(lead));
    }

    /** The probability and the {@code factors} features that moved it most, strongest first. */
    public Explanation explain(Lead lead, int factors) {
        Map<String, Object> values = features.of(lead);
        List<FeatureSchema.Input> inputs = schema.encode(values);
        // the probability from the attribution itself: one pass through the model, not two
        Algorithm.Attribution attribution = contributions.of(inputs);
        List<Explanation.Factor> strongest = attribution.byFeature().entrySet().stream()
                .filter(contribution -> contribution.getKey() != null && contribution.getValue() != 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> contribution) ->
                        Math.abs(contribution.getValue())).reversed())
                .limit(factors)
                .map(contribution -> new Explanation.Factor(contribution.getKey(),
                        FactorWords.of(contribution.getKey(), values.get(contribution.getKey()),
                                contribution.getValue()),
                        contribution.getValue()))
                .toList();
        return new Explanation(attribution.probability(), strongest);
    }

    /**
     * How much each feature moved the lead's log-odds of converting; with the model's constant
     * (intercept, or XGBoost's base value) they add up to the log-odds of {@link #probability(Lead)}.
     */
    Algorithm.Attribution contributions(Lead lead) {
        return contributions.of(schema.encode(features.of(lead)));
    }

    double probability(Map<String, Object> values) {
        return probability(schema.encode(values));
    }

    private double probability(List<FeatureSchema.Input> inputs) {
        return probability(model, inputs);
    }

    /** The probability a trained model gives a lead, by the lead's inputs. */
    static double probability(Model<Label> model, List<FeatureSchema.Input> inputs) {
        return model.predict(example(inputs, LabelFactory.UNKNOWN_LABEL)).getOutputScores().get(CONVERTED).getScore();
    }

    static Example<Label> example(List<FeatureSchema.Input> inputs, Label label) {
        String[] names = new String[inputs.size()];
        double[] values = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            names[i] = inputs.get(i).name();
            values[i] = inputs.get(i).value();
        }
        return new ArrayExample<>(label, names, values);
    }

    /**
     * The model as bytes: a header, the card and the feature encoding as JSON, then the trained
     * model in Tribuo's protobuf format (which carries XGBoost's own model bytes).
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeBlock(out, JSON.writeValueAsBytes(card));
            writeBlock(out, JSON.writeValueAsBytes(schema));
            writeBlock(out, model.serialize().toByteArray());
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    /** A model from {@link #toBytes()}; IllegalArgumentException when the bytes are not one. */
    @SuppressWarnings("unchecked")
    public static ConversionModel fromBytes(byte[] bytes, ScoringFeatures features) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Lead Router conversion model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("conversion model format " + format + " is not known to this "
                        + "version of Lead Router (it reads " + FORMAT + ")");
            }
            ModelCard card = JSON.readValue(readBlock(in), ModelCard.class);
            FeatureSchema schema = JSON.readValue(readBlock(in), FeatureSchema.class);
            Model<?> model = Model.deserialize(ModelProto.parseFrom(readBlock(in)));
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("the stored model does not predict a label");
            }
            return new ConversionModel(card, schema, (Model<Label>) model, features);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("the conversion model cannot be read: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a block of " + length + " bytes does not fit in what is left");
        }
        return in.readNBytes(length);
    }
}
