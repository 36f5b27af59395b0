package io.dashplane.provider.cty;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    /** Bytes from hex with optional spaces, e.g. "d4 00 00". */
    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    /** Hex of the UTF-8 bytes of text, for building vectors that hold strings. */
    static String text(String text) {
        return hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
