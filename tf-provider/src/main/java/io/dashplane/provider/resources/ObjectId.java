package io.dashplane.provider.resources;

import io.dashplane.provider.framework.ProviderException;
import io.dashplane.schema.Uid;

/** The {@code id} of every Dashplane resource: {@code <environment>/<uid>}; import also accepts a bare uid. */
public record ObjectId(String environment, String uid) {

    public static String of(String environment, String uid) {
        return environment + "/" + uid;
    }

    @Override
    public String toString() {
        return of(environment, uid);
    }

    /** Parses an import id: {@code uid} (in {@code defaultEnvironment}) or {@code environment/uid}. */
    public static ObjectId parseImportId(String id, String defaultEnvironment) {
        String trimmed = id == null ? "" : id.trim();
        int slash = trimmed.indexOf('/');
        String environment = slash < 0 ? defaultEnvironment : trimmed.substring(0, slash);
        String uid = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        if (!Uid.isValid(environment) || !Uid.isValid(uid)) {
            throw new ProviderException("Invalid import id",
                    "expected <uid> or <environment>/<uid> (each 1-40 letters, digits, '-' or '_'), got \"" + id + "\"");
        }
        return new ObjectId(environment, uid);
    }
}
