package io.leadrouter.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRotationRepository extends JpaRepository<TeamRotation, String> {
}
