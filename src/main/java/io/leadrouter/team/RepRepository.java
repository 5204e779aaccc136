package io.leadrouter.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RepRepository extends JpaRepository<Rep, String> {

    List<Rep> findByTeamIdOrderById(String teamId);

    List<Rep> findAllByOrderByTeamIdAscIdAsc();
}
