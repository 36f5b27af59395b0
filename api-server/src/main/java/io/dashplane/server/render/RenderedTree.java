package io.dashplane.server.render;

import java.util.Map;
import java.util.Set;

/**
 * What a render writes: file contents by path relative to the output directory ({@code /}-separated), and the
 * directories that must exist even when empty (a dashboard provider's path for a folder without dashboards).
 */
public record RenderedTree(Map<String, byte[]> files, Set<String> directories, Map<String, String> secretVariables) {
}
