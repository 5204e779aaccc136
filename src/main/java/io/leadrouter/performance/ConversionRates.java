package io.leadrouter.performance;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.LeadOutcomeRecorded;
import io.leadrouter.team.RepRepository;

/**
 * How well reps convert, learned from won and lost deals: seeded from CRM history and updated
 * by the final outcome of every lead a rep worked (CONVERTED wins, LOST loses).
 *
 * <p>A rep's rate for a lead is smoothed towards the team's rate in the same product (or the
 * lead's sector when the product is unknown, or overall): {@code (wins + prior × teamRate) /
 * (deals + prior)}. A rep with no history starts at the team's rate (a fair start), and a few
 * lucky deals do not swing the rate far.
 */
@Service
public class ConversionRates {

    private final PerformanceRepository records;
    private final PerformanceRows rows;
    private final RepRepository reps;
    /** Each team's rate basis for {@code leadrouter.performance.team-rate-ttl}; forgotten on every deal counted. */
    private final Cache<BasisKey, Basis> teamBases;

    ConversionRates(PerformanceRepository records, PerformanceRows rows, RepRepository reps,
                    @Value("${leadrouter.performance.team-rate-ttl:60s}") Duration teamRateTtl) {
        this.records = records;
        this.rows = rows;
        this.reps = reps;
        this.teamBases = Caffeine.newBuilder().expireAfterWrite(teamRateTtl).build();
    }

    /** The rates and what they were measured on ("product GTX Pro", "sector medical", "all deals"). */
    public record Rates(Map<String, Double> byRep, String basis, Map<String, Integer> deals) {
    }

    /**
     * What a team's rates for a lead are measured on: the lead's product when anyone in the team
     * has closed deals in it, else its sector, else all deals; and the team's rate there.
     */
    public record Basis(String dimension, String value, String label, double teamRate) {
    }

    private record BasisKey(String team, String product, String sector) {
    }

    /**
     * Builds the rates of the team's reps on the lead's basis, one page of reps at a time: the
     * basis and team rate are summed over the whole team in the database and kept for
     * {@code leadrouter.performance.team-rate-ttl} (outcomes recorded on this node apply at once).
     */
    @Transactional(readOnly = true)
    public Basis basis(String team, String product, String sector) {
        return teamBases.get(new BasisKey(team, product, sector), this::loadBasis);
    }

    private Basis loadBasis(BasisKey key) {
        Map<String, long[]> totals = new HashMap<>();
        List<String> members = reps.findIdsByTeamId(key.team());
        for (Object[] row : members.isEmpty() ? List.<Object[]>of()
                : records.totals(members, key.product(), key.sector())) {
            long wins = ((Number) row[1]).longValue();
            totals.put((String) row[0], new long[] {wins, wins + ((Number) row[2]).longValue()});
        }
        if (key.product() != null && totals.containsKey("product")) {
            return basis("product", key.product(), "product " + key.product(), totals.get("product"));
        }
        if (key.sector() != null && totals.containsKey("sector")) {
            return basis("sector", key.sector(), "sector " + key.sector(), totals.get("sector"));
        }
        return basis("all", PerformanceRecord.ALL_VALUE, "all deals", totals.getOrDefault("all", new long[2]));
    }

    private static Basis basis(String dimension, String value, String label, long[] winsAndDeals) {
        return new Basis(dimension, value, label,
                winsAndDeals[1] == 0 ? 0.5 : (double) winsAndDeals[0] / winsAndDeals[1]);
    }

    /**
     * The reps' rates on the basis: {@code (wins + prior × teamRate) / (deals + prior)}, so a rep
     * with no history starts at the team's rate.
     */
    @Transactional(readOnly = true)
    public Rates rates(Basis basis, Collection<String> reps, int prior) {
        Map<String, PerformanceRecord> byRep = new HashMap<>();
        if (!reps.isEmpty()) {
            records.find(reps, basis.dimension(), basis.value()).forEach(record -> byRep.put(record.getRepId(), record));
        }
        Map<String, Double> rates = new HashMap<>();
        Map<String, Integer> dealCounts = new HashMap<>();
        for (String rep : reps) {
            PerformanceRecord record = byRep.get(rep);
            int repWins = record == null ? 0 : record.getWins();
            int repDeals = record == null ? 0 : record.deals();
            rates.put(rep, (repWins + prior * basis.teamRate()) / (repDeals + prior));
            dealCounts.put(rep, repDeals);
        }
        return new Rates(rates, basis.label(), dealCounts);
    }

    /** A closed deal from sales history. */
    public record Deal(String rep, String product, String sector, boolean won) {
    }

    /** Loads sales history in one go (demo data, or an import from a CRM). */
    @Transactional
    public void seed(List<Deal> deals) {
        Map<PerformanceRecord.Key, PerformanceRecord> counted = new HashMap<>();
        for (Deal deal : deals) {
            tally(counted, deal.rep(), PerformanceRecord.Dimension.ALL, PerformanceRecord.ALL_VALUE, deal.won());
            if (deal.product() != null) {
                tally(counted, deal.rep(), PerformanceRecord.Dimension.PRODUCT, deal.product(), deal.won());
            }
            if (deal.sector() != null) {
                tally(counted, deal.rep(), PerformanceRecord.Dimension.SECTOR, deal.sector(), deal.won());
            }
        }
        records.saveAll(counted.values());
        teamBases.invalidateAll();
    }

    private static void tally(Map<PerformanceRecord.Key, PerformanceRecord> counted, String rep,
                              PerformanceRecord.Dimension dimension, String value, boolean won) {
        counted.computeIfAbsent(new PerformanceRecord.Key(rep, dimension.name().toLowerCase(Locale.ROOT), value),
                key -> new PerformanceRecord(rep, dimension, value)).count(won);
    }

    /** Counts a won or lost deal for the rep, overall and by product and sector where known. */
    @Transactional
    public void record(String rep, String product, String sector, boolean won) {
        teamBases.invalidateAll();
        count(rep, PerformanceRecord.Dimension.ALL, PerformanceRecord.ALL_VALUE, won);
        if (product != null) {
            count(rep, PerformanceRecord.Dimension.PRODUCT, product, won);
        }
        if (sector != null) {
            count(rep, PerformanceRecord.Dimension.SECTOR, sector, won);
        }
    }

    /**
     * Adds the deal in the database ({@code wins = wins + 1}), so that outcomes recorded at the
     * same moment for the same rep are all counted. The first deal of a rep in a product, sector
     * or overall creates the row first in a transaction of its own, where a row another
     * transaction created at the same moment is fine.
     */
    private void count(String rep, PerformanceRecord.Dimension dimension, String value, boolean won) {
        String dimensionName = dimension.name().toLowerCase(Locale.ROOT);
        int wins = won ? 1 : 0;
        int losses = won ? 0 : 1;
        if (records.add(rep, dimensionName, value, wins, losses) == 1) {
            return;
        }
        try {
            rows.create(rep, dimension, value);
        } catch (DataIntegrityViolationException createdByAnotherTransaction) {
            // the row is there now: count on it
        }
        if (records.add(rep, dimensionName, value, wins, losses) != 1) {
            throw new IllegalStateException("No performance record for " + rep + " " + dimensionName + " " + value);
        }
    }

    /**
     * Learns from what reps report: CONVERTED is a win, LOST a loss. A lead's final outcome comes
     * once ({@link LeadOutcomeRecorded}), after any number of follow-ups, so each lead counts once.
     */
    @EventListener
    void on(LeadOutcomeRecorded outcome) {
        if (outcome.owner() == null) {
            return;
        }
        switch (outcome.outcome()) {
            case CONVERTED -> record(outcome.owner(), outcome.product(), outcome.industry(), true);
            case LOST -> record(outcome.owner(), outcome.product(), outcome.industry(), false);
            default -> {
                // contacted: no result yet; disqualified, back to nurture: not the rep's doing
            }
        }
    }
}
