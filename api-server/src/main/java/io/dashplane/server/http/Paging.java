package io.dashplane.server.http;

import io.dashplane.server.storage.PageRequest;

/** Parses page / perPage query parameters into a {@link PageRequest}, 400 on nonsense. */
public final class Paging {
    private Paging() {
    }

    public static PageRequest parse(String page, String perPage) {
        int p = parseInt("page", page, 1);
        int k = parseInt("perPage", perPage, PageRequest.DEFAULT_PER_PAGE);
        if (p < 1) {
            throw ProblemException.badParameter("page", "page must be at least 1");
        }
        if (k < 1 || k > PageRequest.MAX_PER_PAGE) {
            throw ProblemException.badParameter("perPage", "perPage must be between 1 and " + PageRequest.MAX_PER_PAGE);
        }
        if ((long) (p - 1) * k > Integer.MAX_VALUE) {
            throw ProblemException.badParameter("page", "page is too large");
        }
        return new PageRequest(p, k);
    }

    private static int parseInt(String name, String value, int dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "query parameter '" + name + "' must be a whole number");
        }
    }
}
