package io.dashplane.provider.framework;

import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyValue;

/**
 * Checks one attribute's configured value. Called only for known, non-null values; reports problems
 * at {@code path} (or deeper) so the client can point at the configuration line.
 */
@FunctionalInterface
public interface Validator {
    void validate(AttributePath path, CtyValue value, Diagnostics diagnostics);
}
