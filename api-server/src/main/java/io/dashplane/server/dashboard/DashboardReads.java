package io.dashplane.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dashplane.server.storage.Database;
import java.io.UncheckedIOException;

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

    public Body get(String env, String uid) {
        long commits = db.commits();
        Key key = new Key(env, uid);
        Body known = bodies.getIfPresent(key);
        if (known != null && known.commits() == commits) {
            return known;
        }
        StoredDashboard d = dashboards.get(env, uid);
        try {
            Body body = new Body(d.version(), mapper.writeValueAsBytes(DashboardResponses.Read.of(d, links, env)), commits);
            bodies.put(key, body);
            return body;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
