package io.dashplane.schema.alerting;

/** What a validator needs to know about the contact points and time intervals of the target environment. */
public interface NotificationLookup {
    boolean contactPointExists(String name);

    /** Mute timings and active time intervals share one namespace. */
    boolean timeIntervalExists(String name);

    /** For offline validation: everything referenced is assumed to exist. */
    NotificationLookup ANY = new NotificationLookup() {
        @Override
        public boolean contactPointExists(String name) {
            return true;
        }

        @Override
        public boolean timeIntervalExists(String name) {
            return true;
        }
    };
}
