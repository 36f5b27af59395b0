package io.dashplane.provider.resources;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.Values;

/** Data sources that look an object up by exactly one of two keys. */
final class LookupKey {
    private LookupKey() {
    }

    static void requireExactlyOne(Values config, String first, String second, Diagnostics diagnostics) {
        if (config == null || !config.isKnown(first) || !config.isKnown(second)) {
            return;
        }
        boolean hasFirst = !config.isNull(first);
        boolean hasSecond = !config.isNull(second);
        if (hasFirst == hasSecond) {
            diagnostics.error(hasFirst ? AttributePath.of(second) : AttributePath.root(), "Invalid lookup",
                    "set exactly one of \"" + first + "\" and \"" + second + "\"");
        }
    }
}
