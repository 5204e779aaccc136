package io.leadrouter.webapps;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import io.leadrouter.security.Roles;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Who besides its owner reads a lead's task in Tasklist, as the candidates of "Work lead" and
 * "Handle escalated lead" ({@code camunda:candidateUsers="${leadTaskReaders.managers(execution)}"}).
 * Candidates only read ({@link OwnedTaskAuthorizations}); the rules are those of the API: the
 * managers of the lead's team (users in both {@code managers} and the team's group: candidate
 * users, with the lead's data), and the team's reps only when the team shares its leads
 * ({@link Team#sharesLeads()}: candidate group, without the lead's data). Sales ops read
 * every lead's task through their grant on the process. Computed when the task is created, from
 * the {@code team} variable, without storing anything in the process: a team that starts or stops
 * sharing applies to tasks created from then on.
 */
@Component("leadTaskReaders")
public class LeadTaskReaders {

    private final TeamRepository teams;
    private final IdentityService identity;
    /** Managers change in the Admin app, rarely; a task created within a minute may miss a new one. */
    private final Cache<String, List<String>> managersOfTeam =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    LeadTaskReaders(TeamRepository teams, IdentityService identity) {
        this.teams = teams;
        this.identity = identity;
    }

    /** The managers of the lead's team: candidate users of its task. */
    public List<String> managers(DelegateExecution execution) {
        String team = (String) execution.getVariable("team");
        return team == null ? List.of() : managersOf(team);
    }

    /** The lead's team as a candidate group of "Work lead" when the team shares its leads; else none. */
    public List<String> team(DelegateExecution execution) {
        String team = (String) execution.getVariable("team");
        return team != null && shares(team) ? List.of(team) : List.of();
    }

    /**
     * Candidate groups of "Handle escalated lead": every manager when no manager is named (the
     * last rep had none), so that one of them claims it; else none. An escalated lead is the
     * managers', not the team's.
     */
    public List<String> escalationGroups(DelegateExecution execution) {
        return execution.getVariable("manager") == null ? List.of(Roles.MANAGERS) : List.of();
    }

    List<String> managersOf(String team) {
        return managersOfTeam.get(team, id -> asSystem(() -> {
            List<String> managers = identity.createUserQuery().memberOfGroup(Roles.MANAGERS).list().stream()
                    .map(User::getId).toList();
            return managers.isEmpty() ? List.<String>of() : identity.createUserQuery().memberOfGroup(id)
                    .userIdIn(managers.toArray(String[]::new)).orderByUserId().asc().list().stream()
                    .map(User::getId).toList();
        }));
    }

    private boolean shares(String team) {
        return teams.findById(team).map(Team::sharesLeads).orElse(false);
    }

    /** Looked up for the engine, not as whoever's command creates the task (a rep may not list users). */
    private static <T> T asSystem(Callable<T> lookup) {
        CommandContext command = Context.getCommandContext();
        try {
            return command == null ? lookup.call() : command.runWithoutAuthorization(lookup);
        } catch (Exception failed) {
            throw failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        }
    }
}
