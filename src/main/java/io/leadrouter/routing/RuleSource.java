package io.leadrouter.routing;

/** Which rule chose the route: its name and the DMN decision (key and deployed version) it lives in. */
public record RuleSource(String ruleName, String decisionKey, Integer decisionVersion) {
}
