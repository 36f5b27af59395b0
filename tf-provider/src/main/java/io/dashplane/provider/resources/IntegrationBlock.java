package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.ListBlock;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One block type of {@code dashplane_contact_point}: the integrations of one Grafana type with typed
 * attributes ({@code slack { url = ... }}), or the generic {@code integration} block whose {@code type}
 * attribute names any other type. Converts between a block's values and the server's integration JSON.
 * Every block has a computed {@code uid}, {@code disable_resolve_message} and a {@code settings} map for
 * settings without an attribute; secret settings the server reports in {@code secureFields} (typed
 * attributes and {@code settings} entries alike) are taken from the block the state held before (the
 * server never returns them).
 */
final class IntegrationBlock {
    static final String UID = "uid";
    static final String TYPE = "type";
    static final String DISABLE_RESOLVE = "disable_resolve_message";
    static final String SETTINGS = "settings";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    /** The integration type, or null for the generic block. */
    private final String type;
    private final List<IntegrationSetting> settings;
    private final ListBlock listBlock;

    private IntegrationBlock(String name, String type, List<IntegrationSetting> settings, String description,
                             Attr typeAttribute) {
        this.name = name;
        this.type = type;
        this.settings = List.copyOf(settings);
        List<Attr> attributes = new ArrayList<>();
        if (typeAttribute != null) {
            attributes.add(typeAttribute);
        }
        attributes.add(Attr.string(UID).optional().computed().validate(Validators.uid())
                .description("the integration's uid; generated when absent and kept while the block keeps its content or position"));
        attributes.add(Attr.bool(DISABLE_RESOLVE).defaultValue(false).description("do not notify when the alert resolves"));
        settings.forEach(setting -> attributes.add(setting.toAttr()));
        attributes.add(Attr.of(SETTINGS, CtyType.map(CtyType.STRING)).optional().sensitive().description(typeAttribute == null
                ? "further Grafana settings without an attribute here (\"true\"/\"false\" are sent as booleans, JSON text as JSON)"
                : "the integration's Grafana settings (\"true\"/\"false\" are sent as booleans, JSON text as JSON); the"
                  + " server never returns the secret ones (e.g. victorops url, pushover userKey and apiToken, sns"
                  + " sigv4.secret_key inside the sigv4 JSON): the state keeps the configured values"));
        this.listBlock = ListBlock.of(name, attributes).description(description);
    }

    /** Integrations of a type with typed attributes. */
    static IntegrationBlock typed(String type, String description, IntegrationSetting... settings) {
        return new IntegrationBlock(type, type, List.of(settings), description, null);
    }

    /** Integrations of any other type, named by their {@code type} attribute. */
    static IntegrationBlock generic(String name, Set<String> typedTypes) {
        Attr type = Attr.string(TYPE).required().description("the Grafana integration type, e.g. victorops or pushover")
                .validate(Validators.notBlank())
                .validate((path, value, diagnostics) -> {
                    if (typedTypes.contains(value.asString())) {
                        diagnostics.error(path, "Use the " + value.asString() + " block",
                                value.asString() + " integrations have their own block type with typed (and sensitive secret) attributes");
                    }
                });
        return new IntegrationBlock(name, null, List.of(), "an integration of a type without its own block type", type);
    }

    String name() {
        return name;
    }

    ListBlock listBlock() {
        return listBlock;
    }

    /** Whether an integration of {@code integrationType} is written as this block. */
    boolean holds(String integrationType) {
        return type == null || type.equals(integrationType);
    }

    /** The integration JSON of one block. */
    ObjectNode toJson(Values block) {
        ObjectNode integration = NODES.objectNode();
        if (block.isPresent(UID)) {
            integration.put("uid", block.getString(UID));
        }
        integration.put("type", type == null ? block.getString(TYPE) : type);
        ObjectNode json = integration.putObject("settings");
        CtyValue extra = block.get(SETTINGS);
        if (extra.isPresent()) {
            extra.asMap().forEach((key, value) -> {
                if (value.isPresent()) {
                    json.set(key, AlertingSupport.settingJson(value.asString()));
                }
            });
        }
        for (IntegrationSetting setting : settings) {
            CtyValue value = block.get(setting.attribute());
            if (value.isPresent()) {
                json.set(setting.key(), setting.toJson(value));
            }
        }
        integration.put("disableResolveMessage", block.isPresent(DISABLE_RESOLVE) && block.getBool(DISABLE_RESOLVE));
        return integration;
    }

    /**
     * The block of a server integration. {@code prior} is the block the state held for this integration (or
     * null): it supplies the secrets the server only reports in {@code secureFields}, and whether an empty
     * {@code settings} map was configured.
     */
    Values fromJson(JsonNode integration, Values prior) {
        Values block = Values.empty(listBlock.elementType());
        if (type == null) {
            block = block.with(TYPE, Common.text(integration, "type"));
        }
        block = block.with(UID, integration.hasNonNull("uid") ? integration.get("uid").asText() : null)
                .with(DISABLE_RESOLVE, integration.path("disableResolveMessage").asBoolean(false));
        Set<String> secure = new HashSet<>();
        integration.path("secureFields").fields().forEachRemaining(field -> {
            if (field.getValue().asBoolean()) {
                secure.add(field.getKey());
            }
        });
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        integration.path("settings").fields().forEachRemaining(field -> rest.put(field.getKey(), field.getValue()));
        for (IntegrationSetting setting : settings) {
            JsonNode node = rest.get(setting.key());
            CtyValue value = node == null || node.isNull() ? null : setting.fromJson(node);
            if (value != null || (node != null && node.isNull())) {
                rest.remove(setting.key());
            }
            if (setting.kind() == IntegrationSetting.Kind.STRING_MAP) {
                value = withSecretKeys(setting, value, secure, prior);
            } else if (value == null && secure.contains(setting.key()) && prior != null) {
                value = prior.get(setting.attribute());
            }
            if (value != null) {
                block = block.with(setting.attribute(), value);
            }
        }
        rest.values().removeIf(JsonNode::isNull);
        Map<String, CtyValue> extra = new TreeMap<>();
        rest.forEach((key, node) -> extra.put(key, CtyValue.string(AlertingSupport.settingText(node))));
        if (prior != null && prior.isPresent(SETTINGS)) {
            keepSecretSettings(extra, rest, secure, prior.get(SETTINGS).asMap());
        }
        if (!extra.isEmpty() || (prior != null && prior.isPresent(SETTINGS))) {
            block = block.with(SETTINGS, CtyValue.map(CtyType.STRING, extra));
        }
        return block;
    }

    /**
     * Puts the configured values of secret settings without an attribute back into the {@code settings} map
     * (the server reports them only in {@code secureFields}, e.g. victorops {@code url}): a secret setting takes
     * its prior value; a setting holding nested secrets (JSON text such as sns {@code sigv4} with
     * {@code sigv4.secret_key}) gets the prior values of those merged into the server's object, and keeps its
     * prior text when that is the same JSON, so a configured {@code jsonencode(...)} plans no change.
     */
    private void keepSecretSettings(Map<String, CtyValue> extra, Map<String, JsonNode> fromServer, Set<String> secure,
                                    Map<String, CtyValue> priorSettings) {
        Map<String, List<String>> nestedByKey = new TreeMap<>();
        Set<String> wholeKeys = new HashSet<>();
        for (String path : secure) {
            String[] parts = path.split("\\.", 2);
            if (attributeOf(parts[0]) != null) {
                continue;
            }
            if (parts.length == 1) {
                wholeKeys.add(parts[0]);
            } else {
                nestedByKey.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(parts[1]);
            }
        }
        for (String key : wholeKeys) {
            CtyValue before = priorSettings.get(key);
            if (before != null && before.isPresent()) {
                extra.put(key, before);
            }
        }
        nestedByKey.forEach((key, nestedPaths) -> {
            CtyValue before = priorSettings.get(key);
            if (wholeKeys.contains(key) || before == null || !before.isPresent()) {
                return;
            }
            JsonNode configured = AlertingSupport.settingJson(before.asString());
            if (!configured.isObject()) {
                return;
            }
            ObjectNode merged = fromServer.get(key) instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
            for (String nested : nestedPaths) {
                JsonNode value = configured.at("/" + nested.replace(".", "/"));
                if (!value.isMissingNode()) {
                    putAt(merged, nested, value);
                }
            }
            extra.put(key, CtyValue.string(merged.equals(configured) ? before.asString() : AlertingSupport.settingText(merged)));
        });
    }

    private static void putAt(ObjectNode root, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]) instanceof ObjectNode child ? child : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** A map setting with the prior values of its secret keys (reported as "key.subkey" in secureFields). */
    private static CtyValue withSecretKeys(IntegrationSetting setting, CtyValue fromServer, Set<String> secure, Values prior) {
        Map<String, CtyValue> entries = new TreeMap<>(fromServer == null ? Map.of() : fromServer.asMap());
        CtyValue before = prior == null ? null : prior.get(setting.attribute());
        boolean secretKept = false;
        for (String path : secure) {
            if (path.startsWith(setting.key() + ".") && before != null && before.isPresent()) {
                String key = path.substring(setting.key().length() + 1);
                CtyValue value = before.asMap().get(key);
                if (value != null && value.isPresent()) {
                    entries.put(key, value);
                    secretKept = true;
                }
            }
        }
        if (fromServer == null && !secretKept) {
            return null;
        }
        return CtyValue.map(CtyType.STRING, entries);
    }

    /**
     * The integration JSON that a settings map of schema version 0 ({@code slack = [{url = ..., uid = ...}]})
     * stood for: exactly what that version sent, secrets included.
     */
    static ObjectNode legacyIntegration(String type, Map<String, String> legacySettings) {
        ObjectNode integration = NODES.objectNode();
        Map<String, String> rest = new TreeMap<>(legacySettings);
        String uid = rest.remove(UID);
        String disableResolve = rest.remove(DISABLE_RESOLVE);
        if (uid != null) {
            integration.put("uid", uid);
        }
        integration.put("type", type);
        ObjectNode json = integration.putObject("settings");
        rest.forEach((key, value) -> json.set(key, AlertingSupport.settingJson(value)));
        integration.put("disableResolveMessage", Boolean.parseBoolean(disableResolve));
        return integration;
    }

    /** The attribute path inside a block of a Grafana setting key, for server findings; null when there is none. */
    String attributeOf(String settingKey) {
        for (IntegrationSetting setting : settings) {
            if (setting.key().equals(settingKey)) {
                return setting.attribute();
            }
        }
        return null;
    }
}
