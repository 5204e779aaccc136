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

import io.leadrouter.normalise.Countries;

/**
 * Real-looking leads for the load: inbound leads of the X Education data set (intake-time fields
 * only) and B2B leads from the CRM data set's accounts, mixed, each with a unique external id.
 *
 * <p>X Education leads have no name, e-mail or company: each gets a synthesized unique e-mail
 * address and company (so leads are neither merged as duplicates nor sent to review for a
 * missing company), and a blank or unknown country becomes India (the course company's home
 * market) so that they are not sent to review either. B2B leads are buyers at a known account
 * (sticky account-owner routing), one unique e-mail each.
 */
final class LeadSource {

    private static final String[] PRODUCTS = {"GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro",
            "GTX Plus Basic", "GTK 500"};
    private static final String[] B2B_SOURCES = {"Reference", "Partner", "Web Form", "Trade Show", "LinkedIn",
            "Google", "Email Campaign"};

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

    /** The next lead as the JSON body of {@code POST /api/leads}; one thread calls this. */
    String next() {
        long n = next++;
        ObjectNode lead = random.nextDouble() < b2bShare ? b2b(n) : inbound(n);
        lead.put("externalId", "bench-" + run + "-" + n);
        return lead.toString();
    }

    private ObjectNode inbound(long n) {
        Map<String, String> row = inbound.get((int) (n % inbound.size()));
        ObjectNode lead = json.createObjectNode();
        lead.put("firstName", "Learner");
        lead.put("lastName", "No" + n);
        lead.put("email", "learner" + n + "@mail-" + run + "-" + n + ".com");
        lead.put("company", "Learner " + n + " Studies");
        String country = row.getOrDefault("Country", "");
        lead.put("country", Countries.resolve(country).isPresent() ? country : "India");
        putIfReal(lead, "city", row.get("City"));
        putIfReal(lead, "source", row.get("Lead Source"));
        ObjectNode attributes = lead.putObject("attributes");
        putIfReal(attributes, "totalVisits", row.get("TotalVisits"));
        putIfReal(attributes, "timeOnSiteSeconds", row.get("Total Time Spent on Website"));
        for (String field : new String[] {"Prospect ID", "Lead Origin", "Last Activity", "Specialization",
                "What is your current occupation", "Do Not Email", "Do Not Call"}) {
            putIfReal(attributes, field, row.get(field));
        }
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
