package io.dashplane.server.http;

/**
 * The value of a boolean query parameter ({@code force}, {@code dryRun}, {@code decrypt}, ...). Only the exact
 * spellings {@code true} and {@code false} are accepted ({@link QueryFlagConverter} answers 400 for anything
 * else): a destructive intent is never inferred from {@code 1}, {@code yes} or {@code TRUE}.
 */
public record QueryFlag(boolean value) {
    private static final QueryFlag TRUE = new QueryFlag(true);
    private static final QueryFlag FALSE = new QueryFlag(false);

    /** The flag's value; {@code null} (the parameter was absent) is false, the documented default of every flag. */
    public static boolean isSet(QueryFlag flag) {
        return flag != null && flag.value;
    }

    /** {@code true} or {@code false}, exactly; anything else (empty, other case, 1, yes) is empty. */
    static java.util.Optional<QueryFlag> parse(String text) {
        return switch (text) {
            case "true" -> java.util.Optional.of(TRUE);
            case "false" -> java.util.Optional.of(FALSE);
            default -> java.util.Optional.empty();
        };
    }
}
