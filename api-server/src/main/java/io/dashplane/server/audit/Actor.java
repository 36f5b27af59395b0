package io.dashplane.server.audit;

import java.util.Objects;

/**
 * Who is making the current change: the name of the authenticated service account, or
 * {@link #SYSTEM} for work the server does by itself (bootstrap, provisioning, CLI commands).
 * The HTTP layer sets it per request; services and repositories read it without knowing about HTTP.
 */
public record Actor(String name) {
    public static final Actor SYSTEM = new Actor("system");

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor current() {
        Actor a = CURRENT.get();
        return a == null ? SYSTEM : a;
    }

    /** Sets the actor of this thread; {@code null} resets it to {@link #SYSTEM}. */
    public static void set(Actor actor) {
        if (actor == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(actor);
        }
    }

    /** Runs {@code work} as {@code actor} and restores the previous actor afterwards. */
    public static <T> T as(Actor actor, java.util.function.Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }
}
