package io.dashplane.provider.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a shim asks a session for: the plugin's arguments, and the working directory and environment Terraform gave it. */
record SessionRequest(List<String> args, Path workingDirectory, Map<String, String> env) {
}
