package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ListType;
import io.dashplane.provider.cty.MapType;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.cty.SetType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Terraform configuration written in Java: the provider block and resource blocks in dependency order,
 * each a small map of attribute values (String, Boolean, Number, List, Map, a {@link CtyValue}, or a
 * {@link Ref} to an attribute of an earlier resource). Attributes not given are null, as in HCL.
 * A nested LIST block type is given as a list of such maps, one per block in configuration order
 * ({@code "slack", List.of(Map.of("url", ...))} stands for one {@code slack { url = ... }}); block types not
 * given have no blocks (an empty list, as Terraform decodes them). A {@link CtyValue} instead of the list
 * stands for a dynamic block, e.g. unknown.
 */
public record Configuration(Map<String, Object> provider, List<ResourceBlock> resources) {
    public Configuration {
        provider = Collections.unmodifiableMap(new LinkedHashMap<>(provider));
        resources = List.copyOf(resources);
    }

    /** {@code <type>.<name>} with its attribute values. */
    public record ResourceBlock(String address, Map<String, Object> attributes) {
        public ResourceBlock {
            if (!address.matches("[a-z0-9_]+\\.[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("resource address must be <type>.<name>: " + address);
            }
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public String typeName() {
            return address.substring(0, address.indexOf('.'));
        }

        /** Whether a value, or an attribute of one of its nested blocks, refers to another resource. */
        public boolean hasRefs() {
            return attributes.values().stream().anyMatch(v -> v instanceof Ref || (v instanceof List<?> list
                    && list.stream().anyMatch(e -> e instanceof Map<?, ?> map && map.values().stream().anyMatch(Ref.class::isInstance))));
        }
    }

    /** An expression {@code <address>.<attribute>}: known once the referenced value is known. */
    public record Ref(String address, String attribute) {
    }

    public static Ref ref(String address, String attribute) {
        return new Ref(address, attribute);
    }

    public static Configuration provider(Map<String, Object> provider) {
        return new Configuration(provider, List.of());
    }

    public Configuration with(String address, Map<String, Object> attributes) {
        List<ResourceBlock> all = new ArrayList<>();
        boolean replaced = false;
        for (ResourceBlock block : resources) {
            if (block.address().equals(address)) {
                all.add(new ResourceBlock(address, attributes));
                replaced = true;
            } else {
                all.add(block);
            }
        }
        if (!replaced) {
            all.add(new ResourceBlock(address, attributes));
        }
        return new Configuration(provider, all);
    }

    public Configuration without(String address) {
        return new Configuration(provider, resources.stream().filter(b -> !b.address().equals(address)).toList());
    }

    public Configuration withoutResources() {
        return new Configuration(provider, List.of());
    }

    public ResourceBlock resource(String address) {
        return resources.stream().filter(b -> b.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource " + address + " in the configuration"));
    }

    /** The object value of {@code schema} for attribute values; {@link Ref}s are resolved by {@code refs}. */
    public static ObjectValue object(BlockSchema schema, Map<String, Object> attributes, Function<Ref, CtyValue> refs) {
        ObjectValue.Builder builder = ObjectValue.builder(schema.objectType());
        schema.blocks().forEach((name, block) -> builder.put(name, blocks(block, attributes.get(name), refs)));
        attributes.forEach((name, value) -> {
            if (schema.blocks().containsKey(name)) {
                return;
            }
            BlockSchema.AttributeSchema attribute = schema.attribute(name);
            CtyValue v = value instanceof Ref ref ? refs.apply(ref) : toCty(value, attribute.type());
            if (v.isKnown() && !v.isNull() && !v.type().equals(attribute.type())) {
                throw new IllegalArgumentException("attribute " + name + " is " + attribute.type().friendlyName()
                        + ", the value is " + v.type().friendlyName());
            }
            builder.put(name, v);
        });
        return builder.build();
    }

    private static CtyValue blocks(BlockSchema.ListBlockSchema block, Object value, Function<Ref, CtyValue> refs) {
        if (value == null) {
            return CtyValue.list(block.elementType(), List.of());
        }
        if (value instanceof CtyValue v) {
            return v;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("block type " + block.name() + " takes a list of attribute maps, got " + value);
        }
        List<CtyValue> elements = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a " + block.name() + " block is a map of attribute values, got " + element);
            }
            ObjectValue.Builder builder = ObjectValue.builder(block.elementType());
            map.forEach((name, v) -> {
                BlockSchema.AttributeSchema attribute = block.attribute((String) name);
                builder.put((String) name, v instanceof Ref ref ? refs.apply(ref) : toCty(v, attribute.type()));
            });
            elements.add(builder.build());
        }
        return CtyValue.list(block.elementType(), elements);
    }

    public static ObjectValue object(BlockSchema schema, Map<String, Object> attributes) {
        return object(schema, attributes, ref -> {
            throw new IllegalArgumentException("a reference needs a resolver: " + ref);
        });
    }

    static CtyValue toCty(Object value, CtyType type) {
        if (value == null) {
            return CtyValue.nullOf(type);
        }
        if (value instanceof CtyValue v) {
            return v;
        }
        if (value instanceof String s) {
            return CtyValue.string(s);
        }
        if (value instanceof Boolean b) {
            return CtyValue.bool(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return CtyValue.number(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return CtyValue.number(d);
        }
        if (value instanceof List<?> list && type instanceof ListType lt) {
            return CtyValue.list(lt.elementType(), list.stream().map(e -> toCty(e, lt.elementType())).toList());
        }
        if (value instanceof List<?> list && type instanceof SetType st) {
            return CtyValue.set(st.elementType(), list.stream().map(e -> toCty(e, st.elementType())).toList());
        }
        if (value instanceof Map<?, ?> map && type instanceof MapType mt) {
            Map<String, CtyValue> elements = new LinkedHashMap<>();
            map.forEach((k, v) -> elements.put((String) k, toCty(v, mt.elementType())));
            return CtyValue.map(mt.elementType(), elements);
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getSimpleName() + " to " + type.friendlyName());
    }
}
