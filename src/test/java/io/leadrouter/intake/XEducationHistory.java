package io.leadrouter.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.SharedData;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.scoring.model.LabelledLead;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.web.InvalidInputException;

/**
 * The X Education data set ({@code ../shared/data/x-education-leads/leads.csv}) as labelled history
 * for the scoring model tests: each row read as intake reads an import of it (the CSV reader of
 * imports, the shipped {@code x-education} mapping, the intake parser, then validation's
 * normalisation), labelled by the export's {@code Converted} column (which the mapping drops) and
 * ordered by its {@code Lead Number}. Rows intake would refuse are left out (there are none).
 * Read once per test JVM: the file does not change while the tests run.
 */
public final class XEducationHistory {

    private static final String FILE = "x-education-leads/leads.csv";
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
    private static List<LabelledLead> leads;

    private XEducationHistory() {
    }

    /** The labelled leads; skips the test without the data set (fails on CI), see {@link SharedData}. */
    public static synchronized List<LabelledLead> labelledLeads() {
        Path file = SharedData.require(FILE);
        if (leads == null) {
            leads = read(file);
        }
        return leads;
    }

    private static List<LabelledLead> read(Path file) {
        SourceMapping xEducation = SourceMappedLeadsTest.shipped("x-education");
        LeadCsvImport csvImport = new LeadCsvImport(null, null, new ObjectMapper(), new ImportProperties(100, 0.5, 25, 1000, 100));
        List<LabelledLead> labelled = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             LeadCsvRows rows = LeadCsvRows.read(reader)) {
            for (LeadCsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                Map<String, String> values = row.values();
                LeadData data;
                try {
                    data = csvImport.lead(row, xEducation, null);
                } catch (InvalidInputException refusedByIntake) {
                    continue;
                }
                Lead lead = Lead.receive(data, RECEIVED, null, xEducation.id());
                LeadNormaliser.Result normalised = LeadNormaliser.normalise(lead.data());
                lead.applyNormalised(normalised.data(), normalised.countrySource());
                labelled.add(new LabelledLead(lead, "1".equals(values.get("Converted").trim()),
                        Long.parseLong(values.get("Lead Number").trim())));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        labelled.sort(Comparator.comparingLong(LabelledLead::order));
        return List.copyOf(labelled);
    }
}
