package io.dashplane.server.storage;

import java.util.Objects;

/**
 * Where a PostgreSQL database is: a {@code jdbc:postgresql://} URL and the credentials (either may be null when
 * the URL or the server's authentication covers them). Absent settings mean SQLite in the data directory.
 */
public record PostgresSettings(String url, String user, String password) {
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("the database URL must start with " + URL_PREFIX
                    + " (SQLite needs no URL: leave it out to use the data directory), was "
                    + url.replaceAll("//[^@/]*@", "//***@"));
        }
    }

    /** The URL without credentials embedded in it, for output. */
    public String redactedUrl() {
        return url.replaceAll("//[^@/]*@", "//***@").replaceAll("(?i)password=[^&]*", "password=***");
    }

    @Override
    public String toString() {
        // never the password, nor credentials embedded in the URL
        return "PostgresSettings[url=" + redactedUrl() + ", user=" + user + "]";
    }
}
