package io.dashplane.schema.alerting;

import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTreesTest {
    static Route route(String receiver) {
        return new Route(receiver, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void splitThenAssembleGivesTheSameTree() throws Exception {
        Route tree = Json.mapper().readValue(NotificationPolicyValidatorTest.TREE, Route.class);
        AtomicInteger counter = new AtomicInteger();
        PolicyTrees.Split split = PolicyTrees.split(tree, () -> "r" + counter.incrementAndGet());
        assertNull(split.root().routes());
        assertEquals(List.of("r1", "r2", "r3"), split.nodes().stream().map(RouteNode::uid).toList());
        assertEquals("r1", split.nodes().get(1).parentUid());
        assertEquals(1, split.nodes().get(2).position());
        assertEquals(tree, PolicyTrees.assemble(split.root(), split.nodes()));
    }

    @Test
    void siblingsAreOrderedByPositionThenUid() {
        Route tree = PolicyTrees.assemble(route("root"), List.of(
                new RouteNode("b", null, 1, route("second")),
                new RouteNode("z", null, 0, route("first")),
                new RouteNode("a", null, 1, route("second-by-uid")),
                new RouteNode("c", "z", 0, route("child"))));
        assertEquals(List.of("first", "second-by-uid", "second"), tree.routes().stream().map(Route::receiver).toList());
        assertEquals("child", tree.routes().get(0).routes().get(0).receiver());
    }

    @Test
    void brokenLinksAreReported() {
        IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class, () -> PolicyTrees.assemble(route("root"),
                List.of(new RouteNode("a", "gone", 0, route("x")))));
        assertTrue(orphan.getMessage().contains("'gone', which does not exist"));
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> PolicyTrees.assemble(route("root"),
                List.of(new RouteNode("a", "b", 0, route("x")), new RouteNode("b", "a", 0, route("y")))));
        assertTrue(cycle.getMessage().contains("cycle"));
        assertThrows(IllegalArgumentException.class, () -> PolicyTrees.assemble(route("root"),
                List.of(new RouteNode("a", null, 0, route("x")), new RouteNode("a", null, 1, route("y")))));
    }
}
