package io.dashplane.schema.json;

/** Builds RFC 6901 JSON pointers. */
public final class JsonPointers {
    private JsonPointers() {
    }

    public static String append(String pointer, String member) {
        return pointer + "/" + member.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Whether {@code pointer} is {@code ancestor} or below it ({@code /a/b} is under {@code /a}, {@code /ab} is not). */
    public static boolean isAtOrUnder(String pointer, String ancestor) {
        return pointer.equals(ancestor) || ancestor.isEmpty()
                || pointer.startsWith(ancestor) && pointer.charAt(ancestor.length()) == '/';
    }
}
