package io.dashplane.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computes the environment roles a request needs when the environments are not in its path, e.g. a
 * promotion names its source and target in the body, and applying a stored plan names only the plan.
 */
@FunctionalInterface
public interface AccessResolver {
    /** One environment role that must hold. */
    record Requirement(String env, Role role) {}

    /** What the resolver may look at: path and query parameters (first values) and the JSON body (null when none or not JSON). */
    record RequestFacts(Map<String, String> pathParameters, Map<String, String> queryParameters, Supplier<JsonNode> body) {}

    List<Requirement> requirements(RequestFacts request);
}
