package io.leadrouter.performance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.LeadOutcomeRecorded;

/**
 * How well reps convert, learned from won and lost deals: seeded from CRM history and updated
 * by every outcome a rep records on a Work lead task (CONVERTED wins, LOST loses).
 *
 * <p>A rep's rate for a lead is smoothed towards the team's rate in the same product (or the
 * lead's sector when the product is unknown, or overall): {@code (wins + prior × teamRate) /
 * (deals + prior)}. A rep with no history starts at the team's rate (a fair start), and a few
 * lucky deals do not swing the rate far.
 */
@Service
public class ConversionRates {

    private final PerformanceRepository records;

    ConversionRates(PerformanceRepository records) {
        this.records = records;
    }

    /** The rates and what they were measured on ("product GTX Pro", "sector medical", "all deals"). */
    public record Rates(Map<String, Double> byRep, String basis, Map<String, Integer> deals) {
    }

    @Transactional(readOnly = true)
    public Rates rates(Collection<String> reps, String product, String sector, int prior) {
        if (product != null) {
            List<PerformanceRecord> found = records.find(reps, "product", product);
            if (!found.isEmpty()) {
                return smooth(reps, found, prior, "product " + product);
            }
        }
        if (sector != null) {
            List<PerformanceRecord> found = records.find(reps, "sector", sector);
            if (!found.isEmpty()) {
                return smooth(reps, found, prior, "sector " + sector);
            }
        }
        return smooth(reps, records.find(reps, "all", PerformanceRecord.ALL_VALUE), prior, "all deals");
    }

    private static Rates smooth(Collection<String> reps, List<PerformanceRecord> found, int prior, String basis) {
        long wins = found.stream().mapToLong(PerformanceRecord::getWins).sum();
        long deals = found.stream().mapToLong(PerformanceRecord::deals).sum();
        double teamRate = deals == 0 ? 0.5 : (double) wins / deals;
        Map<String, PerformanceRecord> byRep = new HashMap<>();
        found.forEach(record -> byRep.put(record.getRepId(), record));
        Map<String, Double> rates = new HashMap<>();
        Map<String, Integer> dealCounts = new HashMap<>();
        for (String rep : reps) {
            PerformanceRecord record = byRep.get(rep);
            int repWins = record == null ? 0 : record.getWins();
            int repDeals = record == null ? 0 : record.deals();
            rates.put(rep, (repWins + prior * teamRate) / (repDeals + prior));
            dealCounts.put(rep, repDeals);
        }
        return new Rates(rates, basis, dealCounts);
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
    }

    private static void tally(Map<PerformanceRecord.Key, PerformanceRecord> counted, String rep,
                              PerformanceRecord.Dimension dimension, String value, boolean won) {
        counted.computeIfAbsent(new PerformanceRecord.Key(rep, dimension.name().toLowerCase(Locale.ROOT), value),
                key -> new PerformanceRecord(rep, dimension, value)).count(won);
    }

    /** Counts a won or lost deal for the rep, overall and by product and sector where known. */
    @Transactional
    public void record(String rep, String product, String sector, boolean won) {
        count(rep, PerformanceRecord.Dimension.ALL, PerformanceRecord.ALL_VALUE, won);
        if (product != null) {
            count(rep, PerformanceRecord.Dimension.PRODUCT, product, won);
        }
        if (sector != null) {
            count(rep, PerformanceRecord.Dimension.SECTOR, sector, won);
        }
    }

    private void count(String rep, PerformanceRecord.Dimension dimension, String value, boolean won) {
        PerformanceRecord.Key key = new PerformanceRecord.Key(rep, dimension.name().toLowerCase(Locale.ROOT), value);
        PerformanceRecord record = records.findById(key)
                .orElseGet(() -> records.save(new PerformanceRecord(rep, dimension, value)));
        record.count(won);
    }

    /** Learns from what reps report: CONVERTED is a win, LOST a loss. */
    @EventListener
    void on(LeadOutcomeRecorded outcome) {
        if (outcome.owner() == null) {
            return;
        }
        switch (outcome.outcome()) {
            case CONVERTED -> record(outcome.owner(), outcome.product(), outcome.industry(), true);
            case LOST -> record(outcome.owner(), outcome.product(), outcome.industry(), false);
            default -> {
                // contacted: no result yet; disqualified: not the rep's doing
            }
        }
    }
}
