package io.dashplane.provider.framework;

/**
 * What a resource or data source call gets besides its values: the configured provider data (the
 * HTTP client and defaults), a place for warnings, and the opaque private state that Terraform
 * stores beside the object (passed through unchanged unless the resource replaces it).
 */
public final class ResourceContext<P> {
    private final P provider;
    private final Diagnostics diagnostics;
    private byte[] privateState;

    public ResourceContext(P provider, Diagnostics diagnostics, byte[] privateState) {
        this.provider = provider;
        this.diagnostics = diagnostics;
        this.privateState = privateState;
    }

    /** The value {@link ProviderDefinition#configure} returned; throws when the provider is not configured. */
    public P provider() {
        if (provider == null) {
            throw new ProviderException("Provider not configured",
                    "the provider configuration is not known yet or failed; see the errors of the provider block");
        }
        return provider;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public byte[] privateState() {
        return privateState;
    }

    public void privateState(byte[] bytes) {
        this.privateState = bytes;
    }
}
