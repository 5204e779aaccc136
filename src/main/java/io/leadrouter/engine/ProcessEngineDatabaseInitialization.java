package io.leadrouter.engine;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built only after the database is initialised (Flyway, and on
 * production databases Liquibase with Camunda's changelog), as Spring Boot does for JPA. Without
 * this, the engine could look for its tables before Liquibase created them. Registered in
 * {@code META-INF/spring.factories}.
 */
class ProcessEngineDatabaseInitialization extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineConfigurationImpl.class, ProcessEngine.class);
    }
}
