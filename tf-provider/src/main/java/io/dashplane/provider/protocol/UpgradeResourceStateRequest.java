package io.dashplane.provider.protocol;

/**
 * State stored by an earlier run: {@code rawStateJson} is the JSON the client kept (null if the client sent
 * only the legacy flatmap form), {@code version} the schema version it was written with.
 */
public record UpgradeResourceStateRequest(String typeName, long version, byte[] rawStateJson) {}
