package io.dashplane.server.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An object a promotion or import changed, with its version afterwards (null once deleted). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppliedObject(String kind, String uid, String action, Long version) {
}
