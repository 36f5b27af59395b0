package io.dashplane.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of {@code GET .../dashboards/{uid}} (as bytes) and of the dashboard search, kept between requests.
 * Profiling showed a GET spent its time in a read transaction (two queries rendered by jOOQ, the ~70 KB JSON text
 * decoded from SQLite) and in writing that text again through Jackson; an answer taken from here costs a map lookup.
 *
 * <p>Freshness by construction: each entry remembers {@link Database#commits()} read before its database read,
 * and is used only while no write has committed since. Any write anywhere (this dashboard, its folder, a
 * promotion, a deleted environment) makes every entry stale, so no write path has to remember to invalidate.
 * The cache is bounded by bytes, so 10,000 large dashboards do not all stay in memory.
 *
 * <p>A search costs two read transactions (the page and the count of every match; the environment's sync targets
 * for the links) and 5-12 ms of SQLite CPU over 14,000 dashboards, so 16 concurrent searches queued for the two cores
 * for 100-270 ms. Search pages follow the same rule: a repeated search answers from memory until the next write.
 */
public final class DashboardReads {
    private static final long MAX_BYTES = 32L << 20;
    /** Search pages as JSON bytes (a page of 100 hits is about 20 KB). */
    private static final long MAX_SEARCH_BYTES = 8L << 20;

    private final Database db;
    private final DashboardService dashboards;
    private final ObjectMapper mapper;
    private final TargetLinks links;
    private final Cache<Key, Body> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key k, Body b) -> b.json().length + 64)
            .build();
    private final Cache<SearchKey, SearchBody> searches = Caffeine.newBuilder()
            .maximumWeight(MAX_SEARCH_BYTES)
            .weigher((SearchKey k, SearchBody b) -> b.json().length + 64)
            .build();

    /** The answer: the JSON bytes and the dashboard version they show (the ETag). */
    public record Body(long version, byte[] json, long commits) {
    }

    private record Key(String env, String uid) {
    }

    private record SearchKey(String env, DashboardQuery query, PageRequest page) {
    }

    private record SearchBody(byte[] json, long commits) {
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
            Body body = freshBody(env, uid, commits);
            if (body != null) {
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
        out.writeBytes("],\"missing\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(missing));
        out.write('}');
        return out.toByteArray();
    }

    public Body get(String env, String uid) {
        long commits = db.commits();
        Body known = freshBody(env, uid, commits);
        return known != null ? known : render(env, dashboards.get(env, uid), commits);
    }

    /** The kept body of a dashboard when nothing was committed since it was read, else null. */
    private Body freshBody(String env, String uid, long commits) {
        Body known = bodies.getIfPresent(new Key(env, uid));
        return known != null && known.commits() == commits ? known : null;
    }

    private Body render(String env, StoredDashboard d, long commits) {
        Body body = new Body(d.version(), json(DashboardResponses.Read.of(d, links, env)), commits);
        bodies.put(new Key(env, d.uid()), body);
        return body;
    }

    /**
     * A search page with each hit's {@code targetUrls}, as {@code GET .../dashboards} answers it: the JSON bytes of a
     * {@code Page<DashboardHit>}. Kept as bytes: writing the 100 hits of a page through Jackson again was a quarter
     * of a repeated search's CPU.
     */
    public byte[] search(String env, DashboardQuery query, PageRequest page) {
        long commits = db.commits();
        SearchKey key = new SearchKey(env, query, page);
        SearchBody known = searches.getIfPresent(key);
        if (known != null && known.commits() == commits) {
            return known.json();
        }
        Page<DashboardHit> hits = dashboards.search(env, query, page);
        TargetLinks.Resolver urls = links.forEnvironment(env);
        byte[] json = json(hits.map(h -> h.withTargetUrls(urls.urls(h.folderUid(), h.url()))));
        searches.put(key, new SearchBody(json, commits));
        return json;
    }

    /** {@code value} as the API writes it (the mapper the resources' JSON goes through). */
    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
