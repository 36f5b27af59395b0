package io.dashplane.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dashplane.schema.json.Json;

/**
 * The mapper of the HTTP API: the shared schema mapper (numbers keep their spelling, invalid Unicode is
 * refused, nesting limit) made strict about types, so {@code "name": 5} or {@code "isDefault": "yes"} is a
 * 400 with a pointer instead of a silent coercion, and about duplicate keys.
 */
public final class ApiObjectMapper {
    private ApiObjectMapper() {
    }

    @SuppressWarnings("deprecation")
    public static ObjectMapper create() {
        ObjectMapper m = Json.newMapper();
        m.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }
}
