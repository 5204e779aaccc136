package io.leadrouter.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.source.SourceMapping;

/** The {@code lead_imports} table: one row per bulk import and how far it got. */
@Repository
class LeadImports {

    enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * An import as stored. {@code rowsRead} is the last row committed with its leads;
     * {@code sourceMapping} the source whose mapping reads its rows.
     */
    record Stored(String id, String fileName, String sourceMapping, State state, long rowsRead, long created,
                  long existing, long rejected, List<LeadCsvImport.RowError> errors, String failure,
                  String submittedBy, Instant submittedAt, Instant updatedAt, Instant finishedAt) {
    }

    /** The longest failure text the column holds. */
    private static final int MAX_FAILURE = 2000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    LeadImports(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(String id, String fileName, String sourceMapping, String submittedBy, Instant now) {
        jdbc.update("""
                insert into lead_imports (id, file_name, source_mapping, state, submitted_by, submitted_at, updated_at)
                values (?, ?, ?, 'QUEUED', ?, ?, ?)""", id, fileName, sourceMapping, submittedBy, Timestamp.from(now),
                Timestamp.from(now));
    }

    Optional<Stored> find(String id) {
        return jdbc.query("select * from lead_imports where id = ?", this::map, id).stream().findFirst();
    }

    /** Imports to run after a start: queued, and running when the node stopped. */
    List<String> unfinished() {
        return jdbc.queryForList("select id from lead_imports where state in ('QUEUED', 'RUNNING') order by submitted_at",
                String.class);
    }

    void state(String id, State state, String failure, Instant now) {
        boolean finished = state == State.DONE || state == State.FAILED;
        String kept = failure == null || failure.length() <= MAX_FAILURE ? failure
                : failure.substring(0, MAX_FAILURE - 1) + "…";
        jdbc.update("update lead_imports set state = ?, failure = ?, updated_at = ?, finished_at = ? where id = ?",
                state.name(), kept, Timestamp.from(now), finished ? Timestamp.from(now) : null, id);
    }

    /** Records a committed chunk: call in the chunk's transaction. */
    void progress(String id, long rowsRead, int created, int existing, int rejected, List<LeadCsvImport.RowError> errors,
                  Instant now) {
        jdbc.update("""
                update lead_imports set rows_read = ?, created = created + ?, existing = existing + ?,
                                        rejected = rejected + ?, errors = ?, updated_at = ?
                where id = ?""", rowsRead, created, existing, rejected, errors.isEmpty() ? null : write(errors),
                Timestamp.from(now), id);
    }

    private String write(List<LeadCsvImport.RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException plainRecords) {
            throw new IllegalStateException(plainRecords);
        }
    }

    private Stored map(ResultSet row, int index) throws SQLException {
        List<LeadCsvImport.RowError> errors = List.of();
        String text = row.getString("errors");
        if (text != null) {
            try {
                errors = json.readValue(text, new TypeReference<>() { });
            } catch (JsonProcessingException writtenByUs) {
                throw new IllegalStateException(writtenByUs);
            }
        }
        // imports from before sources had mappings read their rows as the default mapping does
        String sourceMapping = Optional.ofNullable(row.getString("source_mapping")).orElse(SourceMapping.DEFAULT);
        return new Stored(row.getString("id"), row.getString("file_name"), sourceMapping,
                State.valueOf(row.getString("state")),
                row.getLong("rows_read"), row.getLong("created"), row.getLong("existing"), row.getLong("rejected"),
                errors, row.getString("failure"), row.getString("submitted_by"), instant(row, "submitted_at"),
                instant(row, "updated_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
