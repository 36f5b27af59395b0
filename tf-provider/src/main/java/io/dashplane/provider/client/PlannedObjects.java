package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datasources and folders that the running plan creates or changes, per environment: bulk validation takes them as
 * existing. Terraform plans a resource after the resources its configuration refers to, so a dashboard naming
 * {@code dashplane_datasource.x.uid} is checked after that datasource was recorded here. Thread-safe.
 */
public final class PlannedObjects {
    private record Sets(Set<String> datasourceUids, Set<String> datasourceNames, Set<String> folderUids) {
        Sets() {
            this(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        }
    }

    private final Map<String, Sets> byEnvironment = new ConcurrentHashMap<>();
    private final Set<String> environments = ConcurrentHashMap.newKeySet();

    /** Records an environment the plan creates (or replaces): nothing in it can be checked against the server. */
    public void environment(String name) {
        environments.add(name);
    }

    public boolean createsEnvironment(String name) {
        return environments.contains(name);
    }

    /** Records a planned datasource; null uid or name (not known yet) are left out. */
    public void datasource(String environment, String uid, String name) {
        Sets sets = sets(environment);
        if (uid != null) {
            sets.datasourceUids().add(uid);
        }
        if (name != null) {
            sets.datasourceNames().add(name);
        }
    }

    public void folder(String environment, String uid) {
        if (uid != null) {
            sets(environment).folderUids().add(uid);
        }
    }

    private Sets sets(String environment) {
        return byEnvironment.computeIfAbsent(environment, e -> new Sets());
    }

    /** The request's {@code planned} member for {@code environment}. */
    ObjectNode toJson(ObjectMapper mapper, String environment) {
        Sets sets = byEnvironment.getOrDefault(environment, new Sets());
        ObjectNode planned = mapper.createObjectNode();
        sets.datasourceUids().stream().sorted().forEach(planned.withArray("datasourceUids")::add);
        sets.datasourceNames().stream().sorted().forEach(planned.withArray("datasourceNames")::add);
        sets.folderUids().stream().sorted().forEach(planned.withArray("folderUids")::add);
        return planned;
    }
}
