package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.NotificationLookup;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.server.datasource.DatasourceRepository;
import java.util.Set;
import org.jooq.DSLContext;

/** The environment facts the alerting validators ask about, read inside the writing transaction. */
public final class AlertingLookups {
    private final DatasourceRepository datasources;
    private final ContactPointRepository contactPoints;
    private final MuteTimingRepository muteTimings;

    public AlertingLookups(DatasourceRepository datasources, ContactPointRepository contactPoints,
                           MuteTimingRepository muteTimings) {
        this.datasources = datasources;
        this.contactPoints = contactPoints;
        this.muteTimings = muteTimings;
    }

    public DatasourceLookup datasources(DSLContext tx, String env) {
        Set<String> uids = datasources.uids(tx, env);
        Set<String> names = datasources.names(tx, env);
        return new DatasourceLookup() {
            @Override
            public boolean existsByUid(String uid) {
                return uids.contains(uid);
            }

            @Override
            public boolean existsByName(String name) {
                return names.contains(name);
            }
        };
    }

    public NotificationLookup notifications(DSLContext tx, String env) {
        Set<String> contactPointNames = contactPoints.names(tx, env);
        Set<String> intervalNames = muteTimings.names(tx, env);
        return new NotificationLookup() {
            @Override
            public boolean contactPointExists(String name) {
                return contactPointNames.contains(name);
            }

            @Override
            public boolean timeIntervalExists(String name) {
                return intervalNames.contains(name);
            }
        };
    }
}
