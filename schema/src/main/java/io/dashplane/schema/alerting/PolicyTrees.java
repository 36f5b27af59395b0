package io.dashplane.schema.alerting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Assembles a notification policy tree from individually stored routes, and splits a tree into them. */
public final class PolicyTrees {
    private static final Comparator<RouteNode> SIBLING_ORDER =
            Comparator.comparingInt(RouteNode::position).thenComparing(RouteNode::uid);

    private PolicyTrees() {
    }

    /**
     * The tree Grafana would see: {@code root} (its own children ignored) with the nodes hung below it.
     * Throws {@link IllegalArgumentException} naming the node when a parent is missing or parents form a cycle.
     */
    public static Route assemble(Route root, List<RouteNode> nodes) {
        Map<String, RouteNode> byUid = new HashMap<>();
        for (RouteNode node : nodes) {
            if (byUid.put(node.uid(), node) != null) {
                throw new IllegalArgumentException("route uid '" + node.uid() + "' is used twice");
            }
        }
        Map<String, List<RouteNode>> children = new HashMap<>();
        for (RouteNode node : nodes) {
            if (node.parentUid() != null && !byUid.containsKey(node.parentUid())) {
                throw new IllegalArgumentException("route '" + node.uid() + "' has parent '" + node.parentUid()
                        + "', which does not exist");
            }
            children.computeIfAbsent(node.parentUid(), k -> new ArrayList<>()).add(node);
        }
        Set<String> placed = new HashSet<>();
        Route tree = root.withRoutes(build(null, children, placed));
        if (placed.size() != nodes.size()) {
            String stuck = nodes.stream().map(RouteNode::uid).filter(uid -> !placed.contains(uid)).sorted().findFirst().orElseThrow();
            throw new IllegalArgumentException("route '" + stuck + "' is its own ancestor (the parent links form a cycle)");
        }
        return tree;
    }

    private static List<Route> build(String parentUid, Map<String, List<RouteNode>> children, Set<String> placed) {
        List<RouteNode> mine = children.get(parentUid);
        if (mine == null || mine.isEmpty()) {
            return null;
        }
        List<Route> routes = new ArrayList<>();
        for (RouteNode node : mine.stream().sorted(SIBLING_ORDER).toList()) {
            placed.add(node.uid());
            routes.add(node.route().withRoutes(build(node.uid(), children, placed)));
        }
        return routes;
    }

    /**
     * Splits {@code tree} into its root (without children) and one node per nested route, in depth-first
     * order, positions 0, 1, 2... among siblings; uids come from {@code uids} (e.g. {@code Uid::generate}).
     */
    public static Split split(Route tree, Supplier<String> uids) {
        List<RouteNode> nodes = new ArrayList<>();
        collect(tree.routes(), null, uids, nodes);
        return new Split(tree.withoutRoutes(), nodes);
    }

    private static void collect(List<Route> routes, String parentUid, Supplier<String> uids, List<RouteNode> out) {
        if (routes == null) {
            return;
        }
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            String uid = uids.get();
            out.add(new RouteNode(uid, parentUid, i, route.withoutRoutes()));
            collect(route.routes(), uid, uids, out);
        }
    }

    /** A policy tree taken apart: the root's own fields and the nested routes. */
    public record Split(Route root, List<RouteNode> nodes) {
        public Split {
            nodes = List.copyOf(nodes);
        }
    }
}
