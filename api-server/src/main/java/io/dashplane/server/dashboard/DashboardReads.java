package io.dashplane.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dashplane.server.storage.Database;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET .../dashboards/{uid}} as bytes, kept between requests. Profiling showed a GET spent
 * its time in a read transaction (two queries rendered by jOOQ, the ~70 KB JSON text decoded from SQLite) and in
 * writing that text again through Jackson; an answer taken from here costs a map lookup.
 *
 * <p>Freshness by construction: each entry remembers {@link Database#commits()} read before its database read,
 * and is used only while no write has committed since. Any write anywhere (this dashboard, its folder, a
 * promotion, a deleted environment) makes every entry stale, so no write path has to remember to invalidate.
 * The cache is bounded by bytes, so 10,000 large dashboards do not all stay in memory.
 */
public final class DashboardReads {
    private static final long MAX_BYTES = 32L << 20;

    private final Database db;
    private final DashboardService dashboards;
    private final ObjectMapper mapper;
    private final TargetLinks links;
    private final Cache<Key, Body> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key k, Body b) -> b.json().length + 64)
            .build();

    /** The answer: the JSON bytes and the dashboard version they show (the ETag). */
    public record Body(long version, byte[] json, long commits) {
    }

    private record Key(String env, String uid) {
    }

    public DashboardReads(Database db, DashboardService dashboards, ObjectMapper mapper, TargetLinks links) {
        this.db = db;
        this.dashboards = dashboards;
        this.mapper = mapper;
        this.links = links;
    }

    /**
     * The body of {@code POST .../dashboards/_read}: {@code {"items":[GET body, ...],"missing":[uid, ...]}}, the
     * GET bodies as bytes (from this cache where fresh), the rest read in one transaction.
     */
    public byte[] getAll(String env, List<String> uids) {
        long commits = db.commits();
        Map<String, Body> known = new LinkedHashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String uid : uids) {
            Body body = bodies.getIfPresent(new Key(env, uid));
            if (body != null && body.commits() == commits) {
                known.put(uid, body);
            } else {
                toRead.add(uid);
            }
        }
        if (!toRead.isEmpty() || uids.isEmpty()) {
            dashboards.getAll(env, toRead).forEach((uid, d) -> known.put(uid, render(env, d, commits)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        boolean first = true;
        for (String uid : uids) {
            Body body = known.get(uid);
            if (body == null) {
                if (!missing.contains(uid)) {
                    missing.add(uid);
                }
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(body.json());
        }
        try {
            out.writeBytes("],\"missing\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(mapper.writeValueAsBytes(missing));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.write('}');
        return out.toByteArray();
    }

    public Body get(String env, String uid) {
        long commits = db.commits();
        Key key = new Key(env, uid);
        Body known = bodies.getIfPresent(key);
        if (known != null && known.commits() == commits) {
            return known;
        }
        return render(env, dashboards.get(env, uid), commits);
    }

    private Body render(String env, StoredDashboard d, long commits) {
        try {
            Body body = new Body(d.version(), mapper.writeValueAsBytes(DashboardResponses.Read.of(d, links, env)), commits);
            bodies.put(new Key(env, d.uid()), body);
            return body;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
