package io.dashplane.provider.protocol;

/** Optional protocol features this provider declares. */
public record ServerCapabilities(boolean planDestroy, boolean getProviderSchemaOptional) {
    public static final ServerCapabilities NONE = new ServerCapabilities(false, false);
}
