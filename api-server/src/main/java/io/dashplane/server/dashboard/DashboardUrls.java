package io.dashplane.server.dashboard;

import java.text.Normalizer;
import java.util.Locale;

/** Grafana-style dashboard URLs: /d/{uid}/{slug}. */
public final class DashboardUrls {
    private DashboardUrls() {
    }

    public static String of(String uid, String title) {
        return "/d/" + uid + "/" + slug(title);
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "-" : slug;
    }
}
