package io.dashplane.schema.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonDiffTest {
    private static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    @Test
    void patchIsRfc6902AndAppliesBack() throws IOException {
        JsonNode from = json("{\"title\":\"a\",\"panels\":[{\"id\":1},{\"id\":2}],\"tags\":[\"x\"]}");
        JsonNode to = json("{\"title\":\"b\",\"panels\":[{\"id\":1},{\"id\":3}],\"refresh\":\"5s\"}");
        JsonNode patch = JsonDiff.diff(from, to);
        assertEquals(json("""
                [{"op":"replace","path":"/panels/1/id","value":3},
                 {"op":"remove","path":"/tags"},
                 {"op":"replace","path":"/title","value":"b"},
                 {"op":"add","path":"/refresh","value":"5s"}]"""), patch);
        assertEquals(to, JsonDiff.apply(patch, from));
    }

    @Test
    void memberOrderDoesNotChangeThePatch() throws IOException {
        JsonNode a = json("{\"b\":1,\"a\":{\"y\":1,\"x\":2}}");
        JsonNode b1 = json("{\"a\":{\"x\":3,\"y\":1},\"c\":true}");
        JsonNode b2 = json("{\"c\":true,\"a\":{\"y\":1,\"x\":3}}");
        assertEquals(JsonDiff.diff(a, b1).toString(), JsonDiff.diff(a, b2).toString());
        assertEquals(0, JsonDiff.diff(b1, b2).size());
    }

    @Test
    void arrayRemovalsApplyBack() throws IOException {
        JsonNode from = json("{\"panels\":[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4}]}");
        JsonNode to = json("{\"panels\":[{\"id\":1},{\"id\":4},{\"id\":5}]}");
        assertEquals(to, JsonDiff.apply(JsonDiff.diff(from, to), from));
        assertEquals(from, JsonDiff.apply(JsonDiff.diff(to, from), to));
    }

    @Test
    void noMoveOrCopyOperations() throws IOException {
        JsonNode from = json("{\"a\":{\"big\":[1,2,3]},\"b\":null}");
        JsonNode to = json("{\"b\":{\"big\":[1,2,3]},\"c\":{\"big\":[1,2,3]}}");
        JsonNode patch = JsonDiff.diff(from, to);
        patch.forEach(op -> {
            String name = op.get("op").asText();
            assertEquals(true, name.equals("add") || name.equals("remove") || name.equals("replace"), name);
        });
        assertEquals(to, JsonDiff.apply(patch, from));
    }
}
