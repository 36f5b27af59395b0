package io.dashplane.server.changes;

import java.util.List;

/**
 * The answer of {@code GET .../changes}: the changes after {@code since}, oldest first, and {@code sequence}, the
 * number to ask from next: the environment's latest, or the last change returned when the answer was cut at its
 * limit ({@code more} true).
 */
public record ChangeBatch(long sequence, boolean more, List<Change> changes) {
}
