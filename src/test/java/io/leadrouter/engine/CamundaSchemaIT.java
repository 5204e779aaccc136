package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import io.leadrouter.deployment.PostgresDatabase;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Camunda's schema on PostgreSQL: created and kept by Liquibase from the engine's own changelog
 * (through {@code db/camunda/changelog.xml}); a schema it did not create, or one older than the
 * engine, stops the start with what to do.
 */
class CamundaSchemaIT {

    @Test
    void liquibaseCreatesCamundasSchemaOnceAndTheEngineAcceptsIt() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            liquibase(database.dataSource()).afterPropertiesSet();
            liquibase(database.dataSource()).afterPropertiesSet();

            assertThat(CamundaSchemaCheck.schemaVersion(database.dataSource(), "")).contains("7.24.0");
            CamundaSchemaCheck.check(database.dataSource(), "", "7.24.0");
            assertThat(database.count("select count(*) from databasechangelog where id = '7.16.0-baseline'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aCamundaSchemaLiquibaseDidNotCreateStopsTheStartWithWhatToDo() {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            database.execute("create table act_ge_property (name_ varchar(64) primary key, value_ varchar(300), rev_ integer)");

            assertThatThrownBy(() -> liquibase(database.dataSource()).afterPropertiesSet())
                    .hasStackTraceContaining("were not created by Liquibase")
                    .hasStackTraceContaining("SPRING_LIQUIBASE_ENABLED=false");
        }
    }

    @Test
    void anOlderSchemaStopsTheStartNamingTheUpgradeScripts() {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            database.execute("create table act_ge_schema_log (id_ varchar(64), timestamp_ timestamp, version_ varchar(255))");
            database.execute("insert into act_ge_schema_log values ('0', now(), '7.22.0'), ('1200', now(), '7.23.0')");

            assertThatThrownBy(() -> CamundaSchemaCheck.check(database.dataSource(), "", "7.24.0"))
                    .hasMessageContaining("schema is version 7.23.0")
                    .hasMessageContaining("org/camunda/bpm/engine/db/upgrade/")
                    .hasMessageContaining("from 7.23 to 7.24");
        }
    }

    @Test
    void missingTablesStopTheStartNamingTheCreateScripts() {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            assertThatThrownBy(() -> CamundaSchemaCheck.check(database.dataSource(), "", "7.24.0"))
                    .hasMessageContaining("tables are missing")
                    .hasMessageContaining("org/camunda/bpm/engine/db/create/");
        }
    }

    private static SpringLiquibase liquibase(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/camunda/changelog.xml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }
}
