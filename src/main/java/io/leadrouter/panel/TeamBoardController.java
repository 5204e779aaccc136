package io.leadrouter.panel;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * The manager's team board, which the Tasklist plugin {@code team-board} shows:
 * {@code GET /api/me/team-board} for the signed-in user (a manager's board holds exactly their own
 * reps, {@code team/Rep.managerId}; others are told they have none, not refused), and
 * {@code GET /api/teams/{id}/board} for sales ops and admins (every rep of the team). The board's
 * action is the reassignment API's own ({@code POST /api/leads/{id}/reassign}).
 */
@RestController
class TeamBoardController {

    static final String WHO_READS_TEAM_BOARDS = "A team's board is for sales ops and admins; a manager's own board "
            + "of their reps is GET /api/me/team-board";

    private final TeamBoards boards;
    private final RepRepository reps;
    private final TeamRepository teams;

    TeamBoardController(TeamBoards boards, RepRepository reps, TeamRepository teams) {
        this.boards = boards;
        this.reps = reps;
        this.teams = teams;
    }

    @GetMapping("/api/me/team-board")
    @Transactional(readOnly = true)
    TeamBoard.Mine mine(ApiUser user) {
        boolean manager = user.isMemberOfAny(List.of(Roles.MANAGERS));
        boolean everyRep = LeadAccess.readsEveryRep(user);
        List<TeamBoard.TeamRef> readable = everyRep
                ? teams.findAll().stream().sorted(Comparator.comparing(Team::getId))
                        .map(team -> new TeamBoard.TeamRef(team.getId(), team.getName())).toList()
                : List.of();
        TeamBoard board = manager ? boards.of("Your reps", reps.findByManagerIdOrderById(user.id())) : null;
        return new TeamBoard.Mine(user.id(), manager, manager || everyRep, readable, board);
    }

    @GetMapping("/api/teams/{id}/board")
    @Transactional(readOnly = true)
    TeamBoard team(@PathVariable String id, ApiUser user) {
        if (!LeadAccess.readsEveryRep(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, WHO_READS_TEAM_BOARDS);
        }
        Team team = teams.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No team with id '" + id + "'"));
        List<Rep> members = reps.findByTeamIdOrderById(team.getId());
        return boards.of(team.getName(), members);
    }
}
