package io.dashplane.schema.provisioning;

/** A file that could not be parsed: malformed YAML/JSON, an unknown key, a value of the wrong type. */
public final class ProvisioningParseException extends Exception {
    private final transient FileFinding finding;

    public ProvisioningParseException(FileFinding finding) {
        super(finding.format());
        this.finding = finding;
    }

    public FileFinding finding() {
        return finding;
    }
}
