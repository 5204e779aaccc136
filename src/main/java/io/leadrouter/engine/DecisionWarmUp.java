package io.leadrouter.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warms the DMN (FEEL) engine up at start-up: a cold FEEL evaluation costs 6-20 ms for the first
 * half minute, a warm one about 1 ms (CAMUNDA-NOTES), so the first leads after a start or a
 * deployment would queue behind the JIT. Each deployed decision is evaluated
 * {@code leadrouter.decisions.warm-up-evaluations} times through the engine, with inputs made
 * from the literals of its own rules (so whatever the modelers changed is what gets warm), in
 * one transaction that is rolled back: the warm-up leaves no decision history. It runs once the
 * engine is built and has deployed, before the web server and the job executor start.
 */
@Component
class DecisionWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DecisionWarmUp.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "null", "and", "or", "not", "true",
            "false", "lower", "upper", "case", "string", "number", "in", "between", "contains", "some", "every",
            "satisfies", "for", "return", "instance", "of");

    private final RepositoryService repository;
    private final Decisions decisions;
    private final TransactionTemplate transaction;
    private final int evaluations;

    DecisionWarmUp(RepositoryService repository, Decisions decisions, TransactionTemplate transaction,
                   @Value("${leadrouter.decisions.warm-up-evaluations:300}") int evaluations) {
        this.repository = repository;
        this.decisions = decisions;
        this.transaction = transaction;
        this.evaluations = evaluations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (evaluations <= 0) {
            return;
        }
        long started = System.nanoTime();
        List<DecisionDefinition> latest = repository.createDecisionDefinitionQuery().latestVersion().list();
        Random random = new Random(42);
        Map<String, Integer> evaluated = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (DecisionDefinition definition : latest) {
                List<Column> columns = columns(repository.getDmnModelInstance(definition.getId()), definition.getKey());
                int done = 0;
                try {
                    for (; done < evaluations; done++) {
                        decisions.evaluate(definition.getKey(), inputs(columns, random));
                    }
                } catch (RuntimeException notWarmable) {
                    log.debug("Warm-up of decision {} stopped after {} evaluations", definition.getKey(), done,
                            notWarmable);
                }
                evaluated.put(definition.getKey(), done);
            }
        });
        log.info("DMN warm-up: {} in {} ms", evaluated, (System.nanoTime() - started) / 1_000_000);
    }

    /** An input column: the variables its expression reads, its type and the strings its rules test. */
    private record Column(List<String> variables, String type, List<String> literals) {
    }

    private static List<Column> columns(DmnModelInstance model, String decisionKey) {
        List<Column> columns = new ArrayList<>();
        model.getModelElementsByType(DecisionTable.class).stream()
                .filter(table -> decisionKey.equals(((org.camunda.bpm.model.dmn.instance.Decision)
                        table.getParentElement()).getId()))
                .forEach(table -> {
                    List<Input> inputs = new ArrayList<>(table.getInputs());
                    List<Rule> rules = new ArrayList<>(table.getRules());
                    for (int i = 0; i < inputs.size(); i++) {
                        Input input = inputs.get(i);
                        String expression = input.getInputExpression().getText() == null ? ""
                                : input.getInputExpression().getText().getTextContent();
                        List<String> variables = new ArrayList<>();
                        Matcher names = NAME.matcher(expression.replaceAll("\"[^\"]*\"", ""));
                        while (names.find()) {
                            if (!FEEL_WORDS.contains(names.group().toLowerCase(Locale.ROOT))) {
                                variables.add(names.group());
                            }
                        }
                        List<String> literals = new ArrayList<>();
                        for (Rule rule : rules) {
                            var entries = new ArrayList<>(rule.getInputEntries());
                            if (i < entries.size()) {
                                Matcher literal = STRING_LITERAL.matcher(entries.get(i).getTextContent());
                                while (literal.find()) {
                                    literals.add(literal.group(1));
                                }
                            }
                        }
                        String type = input.getInputExpression().getTypeRef();
                        columns.add(new Column(variables, type == null ? "string" : type, literals));
                    }
                });
        return columns;
    }

    /** Random inputs: a literal some rule tests (or a miss, or null) for text, a spread of numbers. */
    private static Map<String, Object> inputs(List<Column> columns, Random random) {
        Map<String, Object> inputs = new HashMap<>();
        for (Column column : columns) {
            for (String variable : column.variables()) {
                inputs.put(variable, value(column, random));
            }
        }
        return inputs;
    }

    private static Object value(Column column, Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        return switch (column.type().toLowerCase(Locale.ROOT)) {
            case "integer", "long" -> random.nextInt(3000);
            case "double" -> random.nextDouble() * 200_000_000;
            case "boolean" -> random.nextBoolean();
            default -> column.literals().isEmpty() || random.nextInt(4) == 0 ? "other"
                    : column.literals().get(random.nextInt(column.literals().size()));
        };
    }
}
