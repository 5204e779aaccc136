package io.leadrouter.routing;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.util.JdbcUtils;
import org.h2.util.Utils;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets H2 find the open-lead trigger under the class name migration V14 gave it,
 * {@code io.leadrouter.lead.OpenLeadCountTrigger}, before the trigger moved to routing
 * ({@link OpenLeadCountTrigger}, re-created under that name by V19_1). An applied migration cannot
 * change (Flyway checks its checksum), and every new database runs V14 again, where H2 loads the
 * class it names. Registered before Flyway migrates.
 */
@Component
class RenamedTriggerClasses implements FlywayConfigurationCustomizer {

    static final String V14_OPEN_LEAD_COUNT = "io.leadrouter.lead.OpenLeadCountTrigger";

    private static final Utils.ClassFactory RENAMED = new Utils.ClassFactory() {
        @Override
        public boolean match(String name) {
            return V14_OPEN_LEAD_COUNT.equals(name);
        }

        @Override
        public Class<?> loadClass(String name) {
            return OpenLeadCountTrigger.class;
        }
    };

    @Override
    public void customize(FluentConfiguration configuration) {
        // a JVM-wide list in H2: every application context of a test run registers it once
        JdbcUtils.removeClassFactory(RENAMED);
        JdbcUtils.addClassFactory(RENAMED);
    }
}
