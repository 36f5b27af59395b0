package io.dashplane.provider.protocol;

public record ReadDataSourceRequest(String typeName, byte[] config, byte[] providerMeta) {}
