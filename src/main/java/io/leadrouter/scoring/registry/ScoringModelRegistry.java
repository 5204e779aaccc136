package io.leadrouter.scoring.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.leadrouter.scoring.model.Algorithm;
import io.leadrouter.scoring.model.ModelCard;
import io.leadrouter.scoring.model.Validation;

/**
 * The table {@code scoring_models} (V25) in plain SQL: the list and the published row are read
 * without the model's bytes (a model is hundreds of kilobytes; only {@link #model(int)} reads them).
 * Callers hold the transaction.
 */
@Repository
class ScoringModelRegistry {

    /** The metadata columns: everything but the model's bytes. */
    private static final String COLUMNS = """
            version, status, verdict, verdict_reason, trained_at, trained_by, published_at, published_by,
            algorithm, features, training_from_order, training_to_order, training_converted,
            training_not_converted, validation_from_order, validation_to_order, validation_converted,
            validation_not_converted, auc, brier, metrics, candidates""";
    /** Metrics and candidates as JSON text; an empty calibration bin's NaN is written as "NaN". */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;

    ScoringModelRegistry(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a training under the next version; answers the entry with its version. */
    ScoringModelEntry add(ScoringModelEntry entry, byte[] model) {
        Integer last = jdbc.getJdbcTemplate().queryForObject("select max(version) from scoring_models", Integer.class);
        ScoringModelEntry numbered = entry.withVersion(last == null ? 1 : last + 1);
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("version", numbered.version())
                .addValue("status", numbered.status().name())
                .addValue("verdict", numbered.verdict().name())
                .addValue("verdictReason", numbered.verdictReason())
                .addValue("trainedAt", timestamp(numbered.trainedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("trainedBy", numbered.trainedBy())
                .addValue("publishedAt", timestamp(numbered.publishedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("publishedBy", numbered.publishedBy(), Types.VARCHAR)
                .addValue("algorithm", numbered.algorithm() == null ? null : numbered.algorithm().name(), Types.VARCHAR)
                .addValue("features", json(numbered.features()))
                .addValue("metrics", numbered.metrics() == null ? null : json(numbered.metrics()), Types.VARCHAR)
                .addValue("candidates", json(numbered.candidates()))
                .addValue("auc", numbered.auc(), Types.DOUBLE)
                .addValue("brier", numbered.brier(), Types.DOUBLE)
                .addValue("model", model, Types.BINARY)
                .addValue("publishedSlot", numbered.status() == ModelStatus.PUBLISHED ? 1 : null, Types.INTEGER);
        window(row, "training", numbered.training());
        window(row, "validation", numbered.validation());
        jdbc.update("""
                insert into scoring_models (version, status, verdict, verdict_reason, trained_at, trained_by,
                    published_at, published_by, algorithm, features, training_from_order, training_to_order,
                    training_converted, training_not_converted, validation_from_order, validation_to_order,
                    validation_converted, validation_not_converted, auc, brier, metrics, candidates, model,
                    published_slot)
                values (:version, :status, :verdict, :verdictReason, :trainedAt, :trainedBy, :publishedAt,
                    :publishedBy, :algorithm, :features, :trainingFrom, :trainingTo, :trainingConverted,
                    :trainingNotConverted, :validationFrom, :validationTo, :validationConverted,
                    :validationNotConverted, :auc, :brier, :metrics, :candidates, :model, :publishedSlot)""", row);
        return numbered;
    }

    /** Every entry, newest first. */
    List<ScoringModelEntry> all() {
        return jdbc.query("select " + COLUMNS + " from scoring_models order by version desc", ENTRY);
    }

    Optional<ScoringModelEntry> find(int version) {
        return jdbc.query("select " + COLUMNS + " from scoring_models where version = :version",
                new MapSqlParameterSource("version", version), ENTRY).stream().findFirst();
    }

    Optional<ScoringModelEntry> published() {
        return jdbc.query("select " + COLUMNS + " from scoring_models where published_slot = 1", ENTRY).stream()
                .findFirst();
    }

    /** The published model's version: one indexed row, no bytes. */
    Optional<Integer> publishedVersion() {
        return jdbc.getJdbcTemplate().queryForList("select version from scoring_models where published_slot = 1",
                Integer.class).stream().findFirst();
    }

    /** The model's bytes; empty for a training that stored none (too few outcomes). */
    Optional<byte[]> model(int version) {
        return jdbc.query("select model from scoring_models where version = :version",
                        new MapSqlParameterSource("version", version), (rs, row) -> rs.getBytes("model"))
                .stream().filter(bytes -> bytes != null).findFirst();
    }

    /** The published model, if any, becomes RETIRED. */
    void retirePublished() {
        jdbc.getJdbcTemplate().update("""
                update scoring_models set status = 'RETIRED', published_slot = null where published_slot = 1""");
    }

    /**
     * Publishes the model if it has the status {@code from}; false when it has not (any more). Retire
     * the published one first: the unique published slot refuses a second.
     */
    boolean publish(int version, ModelStatus from, Instant at, String by) {
        return jdbc.update("""
                update scoring_models set status = 'PUBLISHED', published_slot = 1, published_at = :at,
                    published_by = :by
                where version = :version and status = :from""", new MapSqlParameterSource("version", version)
                .addValue("from", from.name()).addValue("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE).addValue("by", by)) == 1;
    }

    /** Rejects the model if it is a CANDIDATE; false when it is not (any more). */
    boolean reject(int version) {
        return jdbc.update("""
                update scoring_models set status = 'REJECTED' where version = :version and status = 'CANDIDATE'""",
                new MapSqlParameterSource("version", version)) == 1;
    }

    private static final RowMapper<ScoringModelEntry> ENTRY = (rs, row) -> new ScoringModelEntry(
            rs.getInt("version"),
            ModelStatus.valueOf(rs.getString("status")),
            Verdict.valueOf(rs.getString("verdict")),
            rs.getString("verdict_reason"),
            instant(rs, "trained_at"),
            rs.getString("trained_by"),
            instant(rs, "published_at"),
            rs.getString("published_by"),
            rs.getString("algorithm") == null ? null : Algorithm.valueOf(rs.getString("algorithm")),
            read(rs.getString("features"), new TypeReference<List<String>>() { }),
            window(rs, "training"),
            window(rs, "validation"),
            number(rs, "auc"),
            number(rs, "brier"),
            read(rs.getString("metrics"), new TypeReference<Validation.Metrics>() { }),
            read(rs.getString("candidates"), new TypeReference<List<ModelCard.Candidate>>() { }));

    private static void window(MapSqlParameterSource row, String part, ModelCard.DataWindow window) {
        row.addValue(part + "From", window == null ? null : window.fromOrder(), Types.BIGINT)
                .addValue(part + "To", window == null ? null : window.toOrder(), Types.BIGINT)
                .addValue(part + "Converted", window == null ? null : window.converted(), Types.INTEGER)
                .addValue(part + "NotConverted", window == null ? null : window.notConverted(), Types.INTEGER);
    }

    private static ModelCard.DataWindow window(ResultSet rs, String part) throws SQLException {
        long from = rs.getLong(part + "_from_order");
        if (rs.wasNull()) {
            return null;
        }
        return new ModelCard.DataWindow(from, rs.getLong(part + "_to_order"), rs.getInt(part + "_converted"),
                rs.getInt(part + "_not_converted"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException inMemory) {
            throw new IllegalStateException("a registry entry's metrics cannot be written as JSON", inMemory);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a registry entry's stored JSON cannot be read: " + unreadable.getMessage(),
                    unreadable);
        }
    }
}
