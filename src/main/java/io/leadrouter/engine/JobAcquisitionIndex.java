package io.leadrouter.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due jobs oldest first ({@code jobExecutorAcquireByDueDate}), but
 * Camunda's schema has no index on the due date: every acquisition read the whole job table,
 * including the two SLA timers of every lead waiting for a rep, so acquisition cost grew with the
 * open leads (BENCHMARKS.md). This index makes it a range read up to now, in due-date order.
 *
 * <p>Where the engine manages its own schema (the embedded H2 default) the index is created here,
 * right after the engine created its tables. Production databases get it from the Liquibase
 * changelog that manages Camunda's schema ({@code db/camunda/changelog.xml}), once, under
 * Liquibase's lock.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "ACT_IDX_LR_JOB_DUEDATE";

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE.equals(configuration.getDatabaseSchemaUpdate())) {
            return;
        }
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + INDEX + " on " + prefix + "ACT_RU_JOB (DUEDATE_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException failed) {
            // acquisition still works without it, only slower
            log.warn("Could not create the job acquisition index {}: {}", INDEX, failed.getMessage());
        }
    }
}
