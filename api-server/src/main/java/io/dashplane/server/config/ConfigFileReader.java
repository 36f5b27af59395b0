package io.dashplane.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML config file into {@link ConfigFile}. The file is first walked with the YAML parser, so that
 * an unknown key, a duplicate key or a value of the wrong type is reported as {@code file:line: message} with
 * the line where it is written and in the terms of the file (key names, "a whole number"), never with Java
 * class names. Binding the whole record at once would report the end of the mapping instead: Jackson buffers
 * the properties of a record until it has read all of them.
 */
final class ConfigFileReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFileReader() {
    }

    static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + path + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("config file " + path + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + path + " cannot be read", e);
        }
        if (text.isBlank()) {
            return ConfigFile.EMPTY;
        }
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return ConfigFile.EMPTY;
            }
            if (first != JsonToken.START_OBJECT) {
                throw problem(path, line(p), "the config file must be a mapping of keys to values");
            }
            check(p, path, ConfigFile.class, "");
            return YAML.readValue(text, ConfigFile.class);
        } catch (JsonProcessingException e) {
            throw syntax(path, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + path + " cannot be read", e);
        }
    }

    /** Walks one mapping (the parser is on its START_OBJECT) against the components of {@code type}. */
    private static void check(JsonParser p, Path path, Class<? extends Record> type, String prefix) throws IOException {
        List<RecordComponent> components = Arrays.asList(type.getRecordComponents());
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String name = prefix + key;
            int keyLine = line(p);
            RecordComponent component = components.stream().filter(c -> c.getName().equals(key)).findFirst().orElse(null);
            if (component == null) {
                throw problem(path, keyLine, "unknown key '" + name + "'; known keys: "
                        + components.stream().map(RecordComponent::getName).collect(Collectors.joining(", ")));
            }
            if (!seen.add(key)) {
                throw problem(path, keyLine, "key '" + name + "' is given twice");
            }
            JsonToken value = p.nextToken();
            int valueLine = line(p);
            if (component.getType().isRecord() && value == JsonToken.START_OBJECT) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> nested = (Class<? extends Record>) component.getType();
                check(p, path, nested, name + ".");
                continue;
            }
            JavaType javaType = YAML.getTypeFactory().constructType(component.getGenericType());
            try {
                YAML.readValue(p, javaType);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                throw problem(path, valueLine, "'" + name + "' must be " + expected(component.getType()));
            }
        }
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list of values";
        }
        return "a mapping of keys to values";
    }

    private static IllegalArgumentException syntax(Path path, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " that starts on line " + (yaml.getContextMark().getLine() + 1) + ")";
            return problem(path, yaml.getProblemMark().getLine() + 1, "not valid YAML: " + yaml.getProblem() + context);
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return problem(path, line, "not valid YAML");
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static IllegalArgumentException problem(Path path, int line, String message) {
        return new IllegalArgumentException(path + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
