package io.leadrouter.lead;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The few lead values the process carries as variables: what its forms show and let reviewers
 * correct. Everything else stays in the lead's row.
 */
public final class LeadVariables {

    private LeadVariables() {
    }

    public static Map<String, Object> display(Lead lead) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadName", lead.getName());
        variables.put("firstName", lead.getFirstName());
        variables.put("lastName", lead.getLastName());
        variables.put("email", lead.getEmail());
        variables.put("phone", lead.getPhone());
        variables.put("company", lead.getCompany());
        variables.put("country", lead.getCountry());
        variables.put("state", lead.getState());
        variables.put("city", lead.getCity());
        variables.put("location", String.join(", ", Stream.of(lead.getCity(), lead.getState(), lead.getCountry())
                .filter(Objects::nonNull).toList()));
        variables.put("product", lead.getProduct());
        variables.put("source", lead.getSource());
        return variables;
    }
}
