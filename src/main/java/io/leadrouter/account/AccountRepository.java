package io.leadrouter.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, String> {

    Optional<Account> findFirstByDomain(String domain);

    Optional<Account> findByNameKey(String nameKey);

    /** Candidates for a fuzzy name match: accounts whose key starts like the lead's. */
    List<Account> findByNameKeyStartingWith(String prefix);
}
