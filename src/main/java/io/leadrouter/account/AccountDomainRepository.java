package io.leadrouter.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountDomainRepository extends JpaRepository<AccountDomain, String> {

    /** The account a domain names, if a trusted source said so (one primary-key lookup). */
    @Query("""
            select d from AccountDomain d join fetch d.account
            where d.domain = :domain and d.source <> io.leadrouter.account.AccountDomain.Source.UNCONFIRMED
            """)
    Optional<AccountDomain> findTrusted(@Param("domain") String domain);

    List<AccountDomain> findByAccountIdOrderByDomain(String accountId);
}
