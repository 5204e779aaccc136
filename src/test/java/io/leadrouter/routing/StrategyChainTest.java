package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.team.RepAbsence;
import io.leadrouter.team.RepAbsenceRepository;

/**
 * A strategy is one class found by its key: the routing rules and the element templates name
 * only keys of strategy beans, an unknown key stops routing, and route tasks of older diagram
 * versions (one task per strategy, the strategy pinned as input) still route.
 */
@IntegrationTest
class StrategyChainTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    List<RoutingStrategy> strategies;
    @Autowired
    LeadRepository leads;
    @Autowired
    RepAbsenceRepository absences;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void theChainTravelsAsTextWithTheRulesStrategyFirst() {
        StrategyChain chain = StrategyChain.parse("direct, priority,round-robin");

        assertThat(chain).isEqualTo(new StrategyChain("direct", List.of("priority", "round-robin")));
        assertThat(chain.text()).isEqualTo("direct,priority,round-robin");
        assertThat(chain.pinnedTo("capacity"))
                .isEqualTo(new StrategyChain("capacity", List.of("priority", "round-robin")));
        StrategyChain withoutStrategy = new StrategyChain(null, List.of("priority"));
        assertThat(StrategyChain.parse(withoutStrategy.text())).isEqualTo(withoutStrategy);
        assertThat(StrategyChain.parse(null)).isEqualTo(new StrategyChain(null, List.of()));
    }

    @Test
    void anUnknownStrategyEndsTheChainAndTheLeadWaitsForManualAssignment() {
        String team = fixture.team(rep("ann"));
        String lead = fixture.lead();

        LeadRouting.Outcome outcome = fixture.route(lead, "territory-v2", team, "round-robin");

        assertThat(outcome.repFound()).isFalse();
        assertThat(outcome.strategy()).isEqualTo("territory-v2");
        assertThat(outcome.strategiesTried()).as("the fallback does not cover for the typo")
                .containsExactly("territory-v2");
        assertThat(outcome.reason())
                .startsWith("Unknown routing strategy 'territory-v2' (known: account-owner, capacity, direct, ")
                .contains("check the rule's strategies in routing-rules.dmn")
                .endsWith("; the lead waits for manual assignment");
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.RECEIVED);
        assertThat(leads.require(lead).getOwnerId()).isNull();
    }

    @Test
    void aRuleWithoutAStrategyWaitsForManualAssignment() {
        String team = fixture.team(rep("ann"));

        LeadRouting.Outcome outcome = fixture.route(fixture.lead(), null, team, "round-robin");

        assertThat(outcome.repFound()).isFalse();
        assertThat(outcome.reason()).startsWith("The routing rule names no strategy (known: ");
    }

    @Test
    void everyStrategyTheRoutingRulesNameIsTheKeyOfAStrategyClass() {
        DecisionTable table = Dmn.readModelFromFile(new File("processes/routing-rules.dmn"))
                .getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> columns = table.getOutputs().stream().map(Output::getName).toList();
        List<String> named = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
            named.add(literal(entries.get(columns.indexOf("strategy"))));
            named.addAll(RoutingRules.chain(literal(entries.get(columns.indexOf("fallback")))));
        }

        assertThat(named).doesNotContainNull().isNotEmpty();
        assertThat(keys()).containsAll(named);
    }

    @Test
    void everyStrategyHasAnElementTemplateThatPinsItOnARouteTask() throws IOException {
        Map<String, String> pinnedByTemplate = new LinkedHashMap<>();
        for (JsonNode template : new ObjectMapper().readTree(
                Path.of("processes/.camunda/element-templates/route-strategies.json").toFile())) {
            for (JsonNode property : template.get("properties")) {
                if ("routingStrategy".equals(property.get("binding").get("name").asText())) {
                    pinnedByTemplate.put(template.get("id").asText(), property.get("value").asText());
                }
            }
        }

        assertThat(pinnedByTemplate.values()).containsExactlyInAnyOrderElementsOf(keys());
        pinnedByTemplate.forEach((id, key) -> assertThat(id).isEqualTo("io.leadrouter.route." + key));
    }

    @Test
    void aRouteTaskOfDiagramVersion3StillRoutesByItsPinnedStrategyThenTheRulesFallbacks() {
        // version 3 drew one route task per strategy; instances started on it run on after an upgrade
        String team = fixture.team(rep("ann").seniority(3), rep("bob"));
        absences.save(new RepAbsence(repId("bob", team), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(3)), "vacation"));
        String lead = fixture.lead("HOT", "GTK 500");
        BpmnModelInstance version3 = Bpmn.createExecutableProcess("leadRoutingVersion3RouteTask")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("RouteByDirectRule").name("Route to named rep")
                .camundaDelegateExpression("${routeLeadDelegate}")
                .camundaInputParameter("routingStrategy", "direct")
                .receiveTask("Routed")
                .endEvent()
                .done();
        String deployment = repository.createDeployment()
                .addModelInstance("lead-routing-version-3-route-task.bpmn", version3).deploy().getId();
        try {
            // the variables version 3's "Choose route" left
            Map<String, Object> chosen = new HashMap<>();
            chosen.put("leadId", lead);
            chosen.put("team", team);
            chosen.put("strategy", "direct");
            chosen.put("fallbackStrategies", "priority");
            chosen.put("directRep", repId("bob", team));
            chosen.put("routingRule", "Test rule");
            chosen.put("routingRuleVersion", 1);

            ProcessInstance pi = runtime.startProcessInstanceByKey("leadRoutingVersion3RouteTask", chosen);

            assertThat(runtime.getVariables(pi.getId()))
                    .containsEntry("owner", repId("ann", team))
                    .containsEntry("strategy", "priority")
                    .containsEntry("strategiesTried", "direct > priority")
                    .as("kept for a reassignment by the rule's chain").containsEntry("strategyChain", "direct,priority")
                    .doesNotContainKey("routingStrategy");
            assertThat(leads.require(lead).getOwnerId()).isEqualTo(repId("ann", team));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private List<String> keys() {
        return strategies.stream().map(RoutingStrategy::key).toList();
    }

    /** A FEEL string literal's text; null for an empty entry or the literal null. */
    private static String literal(OutputEntry entry) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
        return text.isEmpty() || "null".equals(text) ? null : text.replaceAll("^\"|\"$", "");
    }
}
