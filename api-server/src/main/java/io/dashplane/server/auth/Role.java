package io.dashplane.server.auth;

import java.util.Locale;
import java.util.Optional;

/** Roles within one environment; each includes the ones before it. */
public enum Role {
    /** Read everything in the environment. */
    VIEWER("Viewer"),
    /** Also write dashboards, folders, alert rules and rule groups. */
    EDITOR("Editor"),
    /** Also datasources, contact points, notification policies, mute timings, templates, role grants, import, promotion into it (and out of it when secrets are copied), secret values (decrypting export). */
    ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.label.equalsIgnoreCase(text.trim()) || r.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
