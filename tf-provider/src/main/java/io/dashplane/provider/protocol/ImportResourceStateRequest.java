package io.dashplane.provider.protocol;

public record ImportResourceStateRequest(String typeName, String id) {}
