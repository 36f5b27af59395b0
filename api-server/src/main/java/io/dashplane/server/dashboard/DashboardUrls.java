package io.dashplane.server.dashboard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Grafana-style dashboard URLs: /d/{uid}/{slug}. */
public final class DashboardUrls {
    private DashboardUrls() {
    }

    public static String of(String uid, String title) {
        return "/d/" + uid + "/" + slug(title);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ENDS = Pattern.compile("^-+|-+$");

    static String slug(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD))
                .replaceAll("").toLowerCase(Locale.ROOT);
        String slug = ENDS.matcher(OTHERS.matcher(ascii).replaceAll("-")).replaceAll("");
        return slug.isEmpty() ? "-" : slug;
    }
}
