package io.leadrouter.scoring.model;

import java.util.Objects;

import io.leadrouter.lead.Lead;

/**
 * A lead whose outcome is known, as a scoring model learns from it: the lead as it was at intake
 * (its fields and attributes), whether it converted, and its place in time among the others
 * ({@code order}: the older a lead, the smaller), by which validation holds out the newest leads.
 */
public record LabelledLead(Lead lead, boolean converted, long order) {

    public LabelledLead {
        Objects.requireNonNull(lead, "lead");
    }
}
