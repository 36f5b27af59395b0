package io.dashplane.provider.protocol;

/** {@code error} null or empty when stopping succeeded. */
public record StopProviderResponse(String error) {
    public static final StopProviderResponse OK = new StopProviderResponse(null);
}
