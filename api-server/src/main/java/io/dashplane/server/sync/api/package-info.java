/** The HTTP side of sync targets (thin resources over {@code io.dashplane.server.sync}); used by the wiring only. */
package io.dashplane.server.sync.api;
