/**
 * The export/import bundle: {@link io.dashplane.schema.bundle.Bundle} and its parts, written and read in a
 * canonical form by {@link io.dashplane.schema.bundle.Bundles}, checked by {@link io.dashplane.schema.bundle.BundleValidator}.
 */
package io.dashplane.schema.bundle;
