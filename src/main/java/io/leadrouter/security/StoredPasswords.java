package io.leadrouter.security;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Compares a stored password hash with a known password without logging in: unlike
 * {@code IdentityService.checkPassword}, a mismatch does not count as a failed login, so
 * checking at every start never locks anybody out.
 */
final class StoredPasswords {

    private StoredPasswords() {
    }

    static boolean matches(ProcessEngineConfigurationImpl configuration, User user, String password) {
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null || password == null) {
            return false;
        }
        return configuration.getPasswordManager()
                .check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
    }
}
