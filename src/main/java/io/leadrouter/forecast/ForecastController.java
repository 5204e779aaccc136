package io.leadrouter.forecast;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.StatsScope;
import io.leadrouter.security.ApiUser;

/**
 * {@code GET /api/analytics/forecast}: the sales forecast ({@link SalesForecast}) of the teams the
 * caller reads figures of: sales ops and admins every team, a manager their teams; others 403.
 * {@code team} narrows it to one team.
 */
@RestController
class ForecastController {

    private final SalesForecast forecast;
    private final LeadAccess access;

    ForecastController(SalesForecast forecast, LeadAccess access) {
        this.forecast = forecast;
        this.access = access;
    }

    @GetMapping("/api/analytics/forecast")
    SalesForecast.Forecast forecast(@RequestParam(required = false) String team, ApiUser user) {
        StatsScope scope = access.teamStatsOf(user).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.FORBIDDEN, LeadAccess.WHO_READS_TEAM_STATS));
        return forecast.forecast(scope, team == null || team.isBlank() ? null : team.trim());
    }
}
