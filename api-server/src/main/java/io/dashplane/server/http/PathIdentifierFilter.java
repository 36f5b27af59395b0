package io.dashplane.server.http;

import io.dashplane.schema.Uid;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;

/**
 * Answers 404 for a path whose environment, uid, id or version cannot name anything (not the uid alphabet, not
 * a version number), before authentication and the resources. The detail names the path parameter and the
 * rule instead of repeating the value: problem details never echo submitted values. {@code PUT} to an invalid
 * {@code uid} is left to the resource, which answers 422 with a pointer (it would create the object).
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class PathIdentifierFilter implements ContainerRequestFilter {
    /** Parameters that only ever address existing objects, whatever the method. */
    private static final List<String> ALWAYS = List.of("env", "folderUid", "id", "tokenId", "planId");
    private static final Map<String, String> THINGS = Map.of("env", "environment", "folderUid", "folder",
            "id", "object", "tokenId", "token", "planId", "plan", "uid", "object");

    @Override
    public void filter(ContainerRequestContext request) {
        var parameters = request.getUriInfo().getPathParameters();
        for (var entry : parameters.entrySet()) {
            String name = entry.getKey();
            for (String value : entry.getValue()) {
                boolean checked = ALWAYS.contains(name) || name.equals("uid") && !HttpMethod.PUT.equals(request.getMethod());
                if (checked && !Uid.isValid(value)) {
                    request.abortWith(Problems.simple(404, "not-found", "Not found", "no such " + THINGS.get(name)
                            + ": the path parameter '" + name + "' is 1-" + Uid.MAX_LENGTH
                            + " characters of letters, digits, '-' and '_'"));
                    return;
                }
                if (name.equals("version") && !isVersion(value)) {
                    request.abortWith(Problems.simple(404, "not-found", "Not found",
                            "no such version: the path parameter 'version' is a positive whole number"));
                    return;
                }
            }
        }
    }

    private static boolean isVersion(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(value) > 0;
    }
}
