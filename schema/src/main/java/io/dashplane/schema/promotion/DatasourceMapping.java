package io.dashplane.schema.promotion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which target datasource each source datasource becomes. Built by {@link #build}: explicit uid and name
 * pairs first, then datasources of the same name and plugin type. A reference (uid, or name for legacy references) is
 * resolved against the source datasources by uid, then by name.
 */
public final class DatasourceMapping {
    private final Map<String, DatasourceIdentity> sourceByUid;
    private final Map<String, DatasourceIdentity> sourceByName;
    private final Map<String, DatasourceIdentity> targetBySourceUid;

    private DatasourceMapping(Map<String, DatasourceIdentity> sourceByUid, Map<String, DatasourceIdentity> sourceByName,
                              Map<String, DatasourceIdentity> targetBySourceUid) {
        this.sourceByUid = sourceByUid;
        this.sourceByName = sourceByName;
        this.targetBySourceUid = targetBySourceUid;
    }

    /**
     * @param source     datasources of the environment objects come from
     * @param target     datasources of the environment they go to
     * @param uidToUid   explicit pairs source uid -> target uid (take precedence)
     * @param nameToName explicit pairs source name -> target name (then these; then equal names)
     * @throws IllegalArgumentException when an explicit pair names a datasource that does not exist
     */
    public static DatasourceMapping build(Collection<DatasourceIdentity> source, Collection<DatasourceIdentity> target,
                                          Map<String, String> uidToUid, Map<String, String> nameToName) {
        Map<String, DatasourceIdentity> sourceByUid = index(source, true);
        Map<String, DatasourceIdentity> sourceByName = index(source, false);
        Map<String, DatasourceIdentity> targetByUid = index(target, true);
        Map<String, DatasourceIdentity> targetByName = index(target, false);
        Map<String, DatasourceIdentity> mapped = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        uidToUid.forEach((from, to) -> {
            DatasourceIdentity s = sourceByUid.get(from);
            DatasourceIdentity t = targetByUid.get(to);
            if (s == null) {
                problems.add("mapping names source datasource uid '" + from + "', which does not exist");
            } else if (t == null) {
                problems.add("mapping names target datasource uid '" + to + "', which does not exist");
            } else {
                mapped.put(s.uid(), t);
            }
        });
        nameToName.forEach((from, to) -> {
            DatasourceIdentity s = sourceByName.get(from);
            DatasourceIdentity t = targetByName.get(to);
            if (s == null) {
                problems.add("mapping names source datasource '" + from + "', which does not exist");
            } else if (t == null) {
                problems.add("mapping names target datasource '" + to + "', which does not exist");
            } else {
                mapped.putIfAbsent(s.uid(), t);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        for (DatasourceIdentity s : source) {
            DatasourceIdentity t = s.name() == null ? null : targetByName.get(s.name());
            if (t != null && sameType(s, t)) {
                mapped.putIfAbsent(s.uid(), t);
            }
        }
        return new DatasourceMapping(sourceByUid, sourceByName, mapped);
    }

    /** A same-named datasource of another plugin type is no counterpart (queries would not work there). */
    private static boolean sameType(DatasourceIdentity a, DatasourceIdentity b) {
        return a.type() == null || b.type() == null || a.type().equals(b.type());
    }

    /** Mapping by equal names (and types) only. */
    public static DatasourceMapping byName(Collection<DatasourceIdentity> source, Collection<DatasourceIdentity> target) {
        return build(source, target, Map.of(), Map.of());
    }

    /** The source datasource a reference names (by uid, then by name). */
    public Optional<DatasourceIdentity> source(String reference) {
        DatasourceIdentity byUid = sourceByUid.get(reference);
        return Optional.ofNullable(byUid != null ? byUid : sourceByName.get(reference));
    }

    /** The target datasource a reference becomes. */
    public Optional<DatasourceIdentity> target(String reference) {
        return source(reference).map(s -> targetBySourceUid.get(s.uid()));
    }

    /** Source uid -> target uid for every mapped datasource. */
    public Map<String, String> uidPairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        targetBySourceUid.forEach((from, to) -> pairs.put(from, to.uid()));
        return pairs;
    }

    /** Every reference among {@code sites} that cannot be mapped, grouped by reference, each with all its sites. */
    public List<UnmappableDatasource> unmappable(List<ReferenceSite> sites) {
        Map<String, List<ReferenceSite>> byReference = new LinkedHashMap<>();
        for (ReferenceSite site : sites) {
            if (target(site.reference()).isEmpty()) {
                byReference.computeIfAbsent(site.reference(), r -> new ArrayList<>()).add(site);
            }
        }
        // two references (uid and name) of the same source datasource are reported once
        Map<String, UnmappableDatasource> bySource = new LinkedHashMap<>();
        byReference.forEach((reference, list) -> {
            DatasourceIdentity s = source(reference).orElse(null);
            String key = s == null ? "?" + reference : s.uid();
            UnmappableDatasource previous = bySource.get(key);
            List<ReferenceSite> all = new ArrayList<>(previous == null ? List.of() : previous.sites());
            all.addAll(list);
            bySource.put(key, new UnmappableDatasource(previous == null ? reference : previous.reference(), s, all));
        });
        return List.copyOf(bySource.values());
    }

    private static Map<String, DatasourceIdentity> index(Collection<DatasourceIdentity> all, boolean byUid) {
        Map<String, DatasourceIdentity> index = new HashMap<>();
        for (DatasourceIdentity ds : all) {
            String key = byUid ? ds.uid() : ds.name();
            if (key != null) {
                index.putIfAbsent(key, ds);
            }
        }
        return index;
    }
}
