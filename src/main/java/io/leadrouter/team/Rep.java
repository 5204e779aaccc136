package io.leadrouter.team;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;

/**
 * A sales rep who can be given leads. The id is the rep's Camunda user id.
 *
 * <p>Updates write only the columns that changed ({@code @DynamicUpdate}): routing counts the
 * rep's leads while sales ops may change availability or settings at the same moment, and
 * neither may overwrite the other's columns with what it read earlier. Routing's own state about
 * the rep (places in the rotations, open leads) is routing's, in its own table.
 */
@Entity
@Table(name = "reps")
@DynamicUpdate
public class Rep {

    @Id
    private String id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String email;

    @Column(name = "team_id", nullable = false)
    private String teamId;

    @Column(name = "manager_id")
    private String managerId;

    @Column(nullable = false)
    private boolean available = true;

    @Column(nullable = false)
    private boolean active = true;

    /** Leads the rep was ever given, by routing or by hand ({@link RepRepository#countAssignment}). */
    @Column(name = "leads_assigned", nullable = false)
    private long leadsAssigned;

    /** Share under weighted round-robin: a rep of weight 2 gets twice the leads of weight 1. */
    @Column(nullable = false)
    private int weight = 1;

    /** 1 (junior) to 3 (senior): priority routing gives HOT leads to the most senior tier. */
    @Column(nullable = false)
    private int seniority = 1;

    @Column(name = "max_open")
    private Integer maxOpen;

    @Column(name = "daily_cap")
    private Integer dailyCap;

    @Column(name = "weekly_cap")
    private Integer weeklyCap;

    @Column(name = "time_zone", nullable = false)
    private String timeZone = "UTC";

    @Column(name = "work_start", nullable = false)
    private String workStart = "09:00";

    @Column(name = "work_end", nullable = false)
    private String workEnd = "17:00";

    @Column(name = "work_days", nullable = false)
    private String workDays = "MON,TUE,WED,THU,FRI";

    @Column(name = "available_since")
    private Instant availableSince;

    protected Rep() {
    }

    public Rep(String id, String firstName, String lastName, String email, String teamId, String managerId) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.teamId = teamId;
        this.managerId = managerId;
    }

    public WorkingHours workingHours() {
        return WorkingHours.parse(timeZone, workStart, workEnd, workDays);
    }

    /** Applies the settings sales ops changed; null leaves a setting as it is. */
    public void update(RepSettings settings) {
        settings.validate();
        if (settings.weight() != null) {
            weight = settings.weight();
        }
        if (settings.seniority() != null) {
            seniority = settings.seniority();
        }
        if (settings.maxOpen() != null) {
            maxOpen = settings.maxOpen() < 0 ? null : settings.maxOpen();
        }
        if (settings.dailyCap() != null) {
            dailyCap = settings.dailyCap() < 0 ? null : settings.dailyCap();
        }
        if (settings.weeklyCap() != null) {
            weeklyCap = settings.weeklyCap() < 0 ? null : settings.weeklyCap();
        }
        if (settings.timeZone() != null) {
            timeZone = settings.timeZone();
        }
        if (settings.workStart() != null) {
            workStart = settings.workStart();
        }
        if (settings.workEnd() != null) {
            workEnd = settings.workEnd();
        }
        if (settings.workDays() != null) {
            workDays = settings.workDays();
        }
        if (settings.active() != null) {
            active = settings.active();
        }
        workingHours();
    }

    /** Marks the rep available or not; coming back is remembered for the catch-up bound. */
    public void setAvailable(boolean available, Instant now) {
        if (available && !this.available) {
            availableSince = now;
        }
        this.available = available;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getName() {
        return firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getManagerId() {
        return managerId;
    }

    /**
     * Whether the user is this rep's manager: named as the rep's manager and a member of
     * {@value Roles#MANAGERS}. Another manager of the same team is not: a manager sees and
     * changes exactly their own reps.
     */
    public boolean isManagedBy(ApiUser user) {
        return managerId != null && managerId.equals(user.id()) && user.isMemberOfAny(List.of(Roles.MANAGERS));
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isActive() {
        return active;
    }

    public long getLeadsAssigned() {
        return leadsAssigned;
    }

    public int getWeight() {
        return weight;
    }

    public int getSeniority() {
        return seniority;
    }

    public Integer getMaxOpen() {
        return maxOpen;
    }

    public Integer getDailyCap() {
        return dailyCap;
    }

    public Integer getWeeklyCap() {
        return weeklyCap;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getWorkStart() {
        return workStart;
    }

    public String getWorkEnd() {
        return workEnd;
    }

    public String getWorkDays() {
        return workDays;
    }

    public Instant getAvailableSince() {
        return availableSince;
    }
}
