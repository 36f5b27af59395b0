package io.dashplane.provider.resources;

import io.dashplane.provider.client.DashplaneApiException;
import io.dashplane.provider.client.DashplaneAuthException;
import io.dashplane.provider.client.DashplaneException;
import io.dashplane.provider.client.DashplaneUnreachableException;
import io.dashplane.provider.client.FieldError;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.protocol.Diagnostic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns failures of config server calls into diagnostics Terraform shows at the right place:
 * validation findings (400/422) on the attribute their JSON pointer belongs to, version conflicts
 * (409 with a current version) as "changed outside Terraform", other failures as one error.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * Maps a JSON pointer into a request body to the attribute it belongs to and the detail to show;
     * returns null for pointers that belong to no attribute.
     */
    interface PointerMapping extends Function<String, Located> {
    }

    /** Where a finding belongs: an attribute path (into a nested block too) and the detail to show. */
    record Located(AttributePath path, String detail) {
        Located(String attribute, String detail) {
            this(attribute == null ? null : AttributePath.of(attribute), detail);
        }
    }

    /** Runs a server call; a failure becomes a {@link ProviderException} about {@code what}. */
    static <T> T call(String what, PointerMapping pointers, Supplier<T> call) {
        try {
            return call.get();
        } catch (DashplaneException e) {
            throw translate(what, pointers, e);
        }
    }

    static void run(String what, PointerMapping pointers, Runnable call) {
        call(what, pointers, () -> {
            call.run();
            return null;
        });
    }

    static ProviderException translate(String what, PointerMapping pointers, DashplaneException failure) {
        if (failure instanceof DashplaneAuthException auth) {
            return new ProviderException("Dashplane server rejected the token",
                    what + ": " + auth.getMessage());
        }
        if (failure instanceof DashplaneUnreachableException) {
            return new ProviderException("Cannot reach the Dashplane server", what + ": " + failure.getMessage());
        }
        if (!(failure instanceof DashplaneApiException api)) {
            return new ProviderException("Dashplane server call failed", what + ": " + failure.getMessage());
        }
        if (api.status() == 409 && api.currentVersion() != null) {
            return new ProviderException("Object changed outside Terraform",
                    what + ": the object was changed on the server since Terraform last read it (stored version "
                            + api.currentVersion() + "). Run `terraform apply` again to plan against the current object"
                            + " (a refresh shows what changed).");
        }
        if ((api.status() == 422 || api.status() == 400) && !api.errors().isEmpty()) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (FieldError error : api.errors()) {
                Located located = pointers == null ? null : pointers.apply(error.pointer() == null ? "" : error.pointer());
                String summary = api.title() == null ? "Invalid " + what : api.title();
                if (located == null || located.path() == null) {
                    diagnostics.add(Diagnostic.error(summary, what + ": " + pointerText(error.pointer()) + error.message()));
                } else {
                    diagnostics.add(Diagnostic.error(summary, located.detail() + error.message(),
                            io.dashplane.provider.framework.Diagnostics.toProtocol(located.path())));
                }
            }
            return new ProviderException(diagnostics);
        }
        String summary = switch (api.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            default -> api.title() == null ? "Dashplane server error" : api.title();
        };
        return new ProviderException(summary, what + ": " + api.getMessage());
    }

    /**
     * Refuses to delete an object that changed since Terraform last read it. The client cannot send
     * If-Match on DELETE yet, so the stored version is compared first (a small race window remains).
     * Returns false when the object is already gone.
     */
    static boolean unchangedSince(String what, Long priorVersion, java.util.Optional<? extends JsonNode> current) {
        if (current.isEmpty()) {
            return false;
        }
        JsonNode version = current.get().get("version");
        if (priorVersion != null && version != null && version.canConvertToLong() && version.longValue() != priorVersion) {
            throw new ProviderException("Object changed outside Terraform",
                    what + ": the object was changed on the server since Terraform last read it (stored version "
                            + version.longValue() + ", Terraform saw " + priorVersion + "). Run `terraform apply` again"
                            + " (a refresh shows what changed) or remove it from the state.");
        }
        return true;
    }

    private static String pointerText(String pointer) {
        return pointer == null || pointer.isEmpty() ? "" : "at " + pointer + ": ";
    }

    /** A mapping from top-level body fields to attributes; deeper pointers stay in the detail. */
    static PointerMapping fields(java.util.Map<String, String> fieldToAttribute) {
        return pointer -> {
            String[] parts = pointer.split("/", 3);
            if (parts.length < 2) {
                return null;
            }
            String attribute = fieldToAttribute.get(parts[1]);
            if (attribute == null) {
                return null;
            }
            String rest = parts.length == 3 ? "/" + parts[2] : "";
            return new Located(attribute, rest.isEmpty() ? "" : "at " + rest + ": ");
        };
    }
}
