package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.json.JsonReadFailure;
import io.dashplane.schema.json.JsonPointers;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses provisioning files strictly: environment variables are expanded in the text first (not in
 * dashboard JSON, as in Grafana), unknown and duplicate keys are rejected, and every problem becomes a
 * {@link ProvisioningParseException} whose finding names the file and line.
 */
public final class ProvisioningReader {
    /** Dashplane's extension key naming the environment a file provisions. */
    public static final String ENVIRONMENT_KEY = "environment";
    public static final String DEFAULT_ENVIRONMENT = "default";

    private static final ObjectMapper YAML = ProvisioningFiles.yamlMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper ALERTING_YAML = ProvisioningFiles.yamlMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addHandler(new EnvironmentKeySkipper());
    private static final ObjectMapper JSON = Json.newMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ProvisioningReader() {
    }

    public static DatasourcesFile readDatasources(String file, String text, Map<String, String> env)
            throws ProvisioningParseException {
        DatasourcesFile parsed = parse(file, EnvInterpolation.expand(file, text, env), DatasourcesFile.class, YAML);
        return parsed == null ? new DatasourcesFile(null, null, List.of(), List.of(), null) : parsed;
    }

    public static DashboardsFile readDashboards(String file, String text, Map<String, String> env)
            throws ProvisioningParseException {
        DashboardsFile parsed = parse(file, EnvInterpolation.expand(file, text, env), DashboardsFile.class, YAML);
        return parsed == null ? new DashboardsFile(null, null, List.of()) : parsed;
    }

    public static AlertingFile readAlerting(String file, String text, Map<String, String> env)
            throws ProvisioningParseException {
        String expanded = EnvInterpolation.expand(file, text, env);
        ProvisioningFile content = parse(file, expanded, ProvisioningFile.class, ALERTING_YAML);
        JsonNode tree = parse(file, expanded, JsonNode.class, YAML);
        JsonNode environment = tree == null ? null : tree.get(ENVIRONMENT_KEY);
        return new AlertingFile(environment == null || environment.isNull() ? null : environment.asText(), content);
    }

    /** A dashboard JSON file; Grafana does not expand environment variables in dashboards. */
    public static JsonNode readDashboardJson(String file, String text) throws ProvisioningParseException {
        JsonNode node = parse(file, text, JsonNode.class, JSON);
        if (node == null || !node.isObject()) {
            throw new ProvisioningParseException(FileFinding.atLine(file, 1, "a dashboard file must hold a JSON object"));
        }
        return node;
    }

    /** A bundle as JSON (text starting with '{') or YAML. */
    public static Bundle readBundle(String file, String text) throws ProvisioningParseException {
        return parse(file, text, Bundle.class, text.stripLeading().startsWith("{") ? JSON : YAML);
    }

    /** The environment a file names, or the default. */
    public static String environment(String declared) {
        return declared == null || declared.isBlank() ? DEFAULT_ENVIRONMENT : declared;
    }

    private static <T> T parse(String file, String text, Class<T> type, ObjectMapper mapper)
            throws ProvisioningParseException {
        if (text.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            FileFinding finding = describe(file, e);
            boolean bindingError = e instanceof MismatchedInputException && yamlCause(e) == null
                    && !(e.getCause() instanceof StreamReadException);
            if (bindingError && !((JsonMappingException) e).getPath().isEmpty()) {
                JsonMappingException mapping = (JsonMappingException) e;
                int line = KeyLines.lineOf(mapper.getFactory(), text, mapping.getPath());
                if (line > 0) {
                    finding = FileFinding.atLine(file, line, finding.message());
                }
            }
            throw new ProvisioningParseException(finding);
        } catch (IOException e) {
            throw new ProvisioningParseException(FileFinding.atLine(file, 1, "cannot be read: " + e.getMessage()));
        }
    }

    /** A finding for a Jackson error: the line it reports, a short message and the path of the offending key. */
    public static FileFinding describe(String file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        String message;
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            int yamlLine = yaml.getProblemMark() != null ? yaml.getProblemMark().getLine() + 1 : line;
            return FileFinding.atLine(file, yamlLine, "malformed YAML: " + context + firstLine(yaml.getProblem()));
        }
        if (e.getCause() instanceof StreamReadException parse && parse != e) {
            return describe(file, parse);
        }
        if (e instanceof JsonReadFailure failure) {
            return new FileFinding(FileFinding.Severity.ERROR, file, line, failure.pointer(),
                    "malformed JSON: " + failure.problem());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String pointer = pointer(unknown.getPath().subList(0, unknown.getPath().size() - 1));
            message = "unknown key '" + unknown.getPropertyName() + "'" + (pointer.isEmpty() ? "" : " in " + pointer)
                    + knownKeys(unknown.getKnownPropertyIds());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String pointer = pointer(mismatch.getPath());
            message = (pointer.isEmpty() ? "the document" : pointer) + " must be " + expected(mismatch.getTargetType());
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message = pointer(mapping.getPath()) + ": " + firstLine(e.getOriginalMessage());
        } else {
            message = "malformed " + (file.endsWith(".json") ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage());
        }
        return FileFinding.atLine(file, line, message);
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        String pointer = "";
        for (JsonMappingException.Reference ref : path) {
            pointer = ref.getFieldName() != null ? JsonPointers.append(pointer, ref.getFieldName())
                    : JsonPointers.append(pointer, ref.getIndex());
        }
        return pointer;
    }

    private static String knownKeys(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return " (known keys: " + String.join(", ", known.stream().map(String::valueOf).sorted().toList()) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** Lets the alerting file binding skip Dashplane's top-level {@code environment} key. */
    private static final class EnvironmentKeySkipper extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            boolean root = beanOrClass == ProvisioningFile.class || beanOrClass instanceof ProvisioningFile;
            if (root && ENVIRONMENT_KEY.equals(propertyName) && p.getParsingContext().getParent().inRoot()) {
                p.skipChildren();
                return true;
            }
            return false;
        }
    }
}
