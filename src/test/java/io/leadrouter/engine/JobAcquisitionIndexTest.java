package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;

/**
 * Where the engine creates its own schema (H2), the job table gets an index on the due date,
 * and the database reads due jobs through it in due-date order instead of reading every job.
 */
@IntegrationTest
class JobAcquisitionIndexTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acquisitionReadsDueJobsThroughTheDueDateIndex() {
        List<Map<String, Object>> index = jdbc.queryForList(
                "select column_name from information_schema.index_columns where index_name = ?",
                JobAcquisitionIndex.INDEX);
        assertThat(index).extracting(row -> row.get("COLUMN_NAME")).containsExactly("DUEDATE_");

        // the shape of the engine's acquisition query (jobExecutorAcquireByDueDate, due dates always set)
        String plan = jdbc.queryForObject("explain select RES.ID_ from ACT_RU_JOB RES where RES.RETRIES_ > 0 "
                + "and RES.DUEDATE_ <= ? and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) "
                + "and RES.SUSPENSION_STATE_ = 1 order by RES.DUEDATE_ asc limit 12", String.class,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        assertThat(plan).contains(JobAcquisitionIndex.INDEX).doesNotContain("tableScan");
    }
}
