package io.dashplane.schema.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.SecretSettings;
import io.dashplane.schema.alerting.SplitSettings;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.promotion.JsonDiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link Bundle}s as JSON or YAML in one canonical form: lists sorted as by
 * {@link Bundle#sorted()}, the members of every object (records, dashboards, settings) in sorted order,
 * so exporting an imported bundle gives the same bytes. Unknown keys and duplicate keys are rejected;
 * parse errors are Jackson exceptions carrying the line ({@code getLocation()}).
 */
public final class Bundles {
    private static final ObjectMapper JSON_READER = Json.newMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON_WRITER = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = ProvisioningFiles.yamlMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Bundles() {
    }

    public static Bundle readJson(String text) throws IOException {
        return JSON_READER.readValue(text, Bundle.class);
    }

    public static Bundle readYaml(String text) throws IOException {
        return YAML.readValue(text, Bundle.class);
    }

    /** JSON when the text starts with '{', YAML otherwise. */
    public static Bundle read(String text) throws IOException {
        return text.stripLeading().startsWith("{") ? readJson(text) : readYaml(text);
    }

    public static String writeJson(Bundle bundle) {
        try {
            return JSON_WRITER.writeValueAsString(canonicalTree(bundle)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bundle could not be written as JSON", e);
        }
    }

    public static String writeYaml(Bundle bundle) {
        try {
            return YAML.writeValueAsString(canonicalTree(bundle));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bundle could not be written as YAML", e);
        }
    }

    /** The bundle as a JSON tree in canonical form (sorted lists and members). */
    public static JsonNode canonicalTree(Bundle bundle) {
        return JsonDiff.sorted(JSON_WRITER.valueToTree(bundle.sorted()));
    }

    /** A contact point without its secret settings, and the secrets it needs as inputs. */
    public static StrippedContactPoint stripSecrets(ContactPoint contactPoint) {
        List<Integration> plain = new ArrayList<>();
        List<SecretInput> inputs = new ArrayList<>();
        List<Integration> integrations = Bundle.orEmpty(contactPoint.integrations());
        for (int i = 0; i < integrations.size(); i++) {
            Integration integration = integrations.get(i);
            SplitSettings split = SecretSettings.split(integration.type(), integration.settings());
            plain.add(integration.withSettings(split.settings()));
            for (String key : split.secrets().keySet()) {
                inputs.add(SecretInput.ofContactPoint(contactPoint.name(), i, key));
            }
        }
        return new StrippedContactPoint(new ContactPoint(contactPoint.uid(), contactPoint.name(), plain), inputs);
    }

    public record StrippedContactPoint(ContactPoint contactPoint, List<SecretInput> secretInputs) {
    }
}
