package io.dashplane.provider.daemon;

import java.nio.charset.StandardCharsets;

/**
 * The launcher a shim was started by: its install directory and the java binary it chose, as the launcher
 * resolved them. The bash fast path finds its daemon's file by the same key (lib/shim/session.bash).
 */
record LauncherIdentity(String installDirectory, String javaBinary) {
    boolean complete() {
        return !installDirectory.isEmpty() && !javaBinary.isEmpty();
    }

    /** FNV-1a, 32 bits, of the UTF-8 bytes of "installDirectory\njavaBinary", as 8 hex digits. */
    String key() {
        long hash = 0x811c9dc5L;
        for (byte b : (installDirectory + "\n" + javaBinary).getBytes(StandardCharsets.UTF_8)) {
            hash = ((hash ^ (b & 0xff)) * 0x01000193L) & 0xffffffffL;
        }
        String hex = Long.toHexString(hash);
        return "00000000".substring(hex.length()) + hex;
    }
}
