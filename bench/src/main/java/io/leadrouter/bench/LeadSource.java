package io.leadrouter.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Real leads for the load: inbound leads of the X Education data set and B2B leads from the CRM
 * data set's accounts, mixed.
 *
 * <p>X Education leads are posted as the export has them: every column of the row, under its own
 * name and with its own values ({@code Select}, blanks), through the source's mapping
 * ({@code ?source=x-education}, {@code processes/sources/x-education.source.yaml}). Nothing is
 * invented: they have no name, e-mail, phone or company, and a blank country stays blank. Only
 * the Prospect ID gets the run and how often the data set was gone through, so that a row posted
 * again in a long run is another lead, not the same one. B2B leads are buyers at a known account
 * (sticky account-owner routing) in Lead Router's own form, one unique e-mail each.
 */
final class LeadSource {

    /** The mapping X Education's leads are posted through. */
    static final String X_EDUCATION = "x-education";

    private static final String[] PRODUCTS = {"GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro",
            "GTX Plus Basic", "GTK 500"};
    private static final String[] B2B_SOURCES = {"Reference", "Partner", "Web Form", "Trade Show", "LinkedIn",
            "Google", "Email Campaign"};

    /** A lead to post: the source whose mapping reads it (null: Lead Router's own form) and its JSON. */
    record Post(String source, String json) {

        /** The path to post it to. */
        String path() {
            return source == null ? "/api/leads" : "/api/leads?source=" + source;
        }
    }

    private final List<Map<String, String>> inbound;
    private final List<Map<String, String>> accounts;
    private final double b2bShare;
    private final String run;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(7);
    private long next;

    LeadSource(Path data, double b2bShare, String run) throws IOException {
        this.inbound = read(data.resolve("x-education-leads/leads.csv"));
        this.accounts = read(data.resolve("crm-sales-opportunities/accounts.csv"));
        this.b2bShare = b2bShare;
        this.run = run;
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        }
        return rows;
    }

    /** The next lead to post; one thread calls this. */
    Post next() {
        long n = next++;
        if (random.nextDouble() < b2bShare) {
            ObjectNode lead = b2b(n);
            lead.put("externalId", "bench-" + run + "-" + n);
            return new Post(null, lead.toString());
        }
        return new Post(X_EDUCATION, inbound(n).toString());
    }

    /** The row as the export has it; the Prospect ID made unique per run and pass through the data set. */
    private ObjectNode inbound(long n) {
        Map<String, String> row = inbound.get((int) (n % inbound.size()));
        ObjectNode lead = json.createObjectNode();
        row.forEach(lead::put);
        lead.put("Prospect ID", row.get("Prospect ID") + "-" + run + "-" + n / inbound.size());
        return lead;
    }

    private ObjectNode b2b(long n) {
        Map<String, String> account = accounts.get(random.nextInt(accounts.size()));
        String name = account.get("account");
        ObjectNode lead = json.createObjectNode();
        lead.put("firstName", "Buyer");
        lead.put("lastName", "No" + n);
        String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".com";
        lead.put("email", "buyer" + n + "." + run + "@" + domain);
        lead.put("company", name);
        lead.put("website", domain);
        putIfReal(lead, "country", account.get("office_location"));
        putIfReal(lead, "industry", account.get("sector"));
        try {
            lead.put("employees", Integer.parseInt(account.get("employees").trim()));
            lead.put("annualRevenue", Math.round(Double.parseDouble(account.get("revenue").trim()) * 1_000_000));
        } catch (RuntimeException notANumber) {
            // some accounts leave size or revenue blank
        }
        lead.put("product", PRODUCTS[random.nextInt(PRODUCTS.length)]);
        lead.put("source", B2B_SOURCES[random.nextInt(B2B_SOURCES.length)]);
        ObjectNode attributes = lead.putObject("attributes");
        attributes.put("totalVisits", random.nextInt(12));
        attributes.put("timeOnSiteSeconds", random.nextInt(1500));
        return lead;
    }

    private static void putIfReal(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank() && !value.equalsIgnoreCase("Select")) {
            node.put(field, value.trim());
        }
    }
}
