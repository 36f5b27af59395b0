package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answer to a create-or-replace ({@code PUT}): the body and whether the object was new (201). */
public record Written(ObjectNode body, boolean created) {
}
