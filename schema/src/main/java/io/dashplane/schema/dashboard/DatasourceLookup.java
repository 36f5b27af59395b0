package io.dashplane.schema.dashboard;

/** What a validator needs to know about the datasources of the environment a dashboard is written to. */
public interface DatasourceLookup {
    boolean existsByUid(String uid);

    boolean existsByName(String name);

    /** A lookup for offline validation where every datasource is assumed to exist. */
    DatasourceLookup ANY = new DatasourceLookup() {
        @Override
        public boolean existsByUid(String uid) {
            return true;
        }

        @Override
        public boolean existsByName(String name) {
            return true;
        }
    };
}
