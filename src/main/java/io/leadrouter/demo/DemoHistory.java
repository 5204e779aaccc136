package io.leadrouter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.leadrouter.account.Account;
import io.leadrouter.account.AccountRepository;
import io.leadrouter.normalise.Industries;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.normalise.Products;
import io.leadrouter.performance.ConversionRates;

/**
 * The demo organisation's sales history, from the CRM sample data bundled under {@code demo/}
 * ({@code sales_pipeline.csv}: 8,800 opportunities; {@code accounts.csv}: 85 accounts):
 * won and lost deals per rep by product and sector for performance routing, and each account
 * owned by the rep who worked it most, for sticky account-owner routing.
 */
@Component
class DemoHistory {

    private final ConversionRates conversionRates;
    private final AccountRepository accounts;

    DemoHistory(ConversionRates conversionRates, AccountRepository accounts) {
        this.conversionRates = conversionRates;
        this.accounts = accounts;
    }

    /** What the CSV files hold, read once. */
    record Pipeline(List<ConversionRates.Deal> deals, Map<String, String> accounts, Map<String, String> owners,
                    Map<String, Long> wonDeals) {
    }

    static Pipeline readPipeline() throws IOException {
        Map<String, String> sectors = new HashMap<>();
        for (Map<String, String> row : rows("demo/accounts.csv")) {
            sectors.put(row.get("account").trim(), Industries.canonical(row.get("sector")));
        }
        List<ConversionRates.Deal> deals = new ArrayList<>();
        Map<String, Map<String, Integer>> opportunitiesByAccount = new HashMap<>();
        Map<String, Long> wonDeals = new HashMap<>();
        for (Map<String, String> row : rows("demo/sales_pipeline.csv")) {
            String rep = DemoOrganisation.userId(row.get("sales_agent"));
            String account = Placeholders.clean(row.get("account"));
            if (account != null) {
                opportunitiesByAccount.computeIfAbsent(account, a -> new HashMap<>()).merge(rep, 1, Integer::sum);
            }
            String stage = row.get("deal_stage");
            if ("Won".equals(stage) || "Lost".equals(stage)) {
                boolean won = "Won".equals(stage);
                deals.add(new ConversionRates.Deal(rep, Products.canonical(row.get("product")),
                        account == null ? null : sectors.get(account), won));
                if (won) {
                    wonDeals.merge(rep, 1L, Long::sum);
                }
            }
        }
        Map<String, String> owners = new HashMap<>();
        opportunitiesByAccount.forEach((account, byRep) -> owners.put(account, byRep.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        return new Pipeline(deals, sectors, owners, wonDeals);
    }

    void seed(Pipeline pipeline) {
        conversionRates.seed(pipeline.deals());
        pipeline.accounts().forEach((name, sector) ->
                accounts.save(new Account(name, null, sector, pipeline.owners().get(name))));
    }

    private static List<Map<String, String>> rows(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        }
    }
}
