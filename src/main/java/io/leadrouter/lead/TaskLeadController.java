package io.leadrouter.lead;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.engine.UserTasks;
import io.leadrouter.security.ApiUser;

/**
 * {@code GET /api/tasks/{taskId}/lead}: the lead an open Tasklist task is about, as the user reads
 * it ({@link LeadAccess}), so that a Tasklist plugin on a task (the "Reassign" tab) finds its lead
 * without reading process variables. A task that is no lead's, or a lead the user may not read,
 * is "not found", as everywhere in {@code /api}.
 */
@RestController
class TaskLeadController {

    private final UserTasks tasks;
    private final LeadRepository leads;
    private final LeadAccess access;

    TaskLeadController(UserTasks tasks, LeadRepository leads, LeadAccess access) {
        this.tasks = tasks;
        this.leads = leads;
        this.access = access;
    }

    @GetMapping("/api/tasks/{taskId}/lead")
    @Transactional(readOnly = true)
    LeadView lead(@PathVariable String taskId, ApiUser user) {
        String leadId = tasks.businessKeyOf(taskId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No open task '" + taskId + "' of a lead"));
        LeadScope scope = access.scopeOf(user);
        return scope.viewOf(leads.require(leadId, scope));
    }
}
