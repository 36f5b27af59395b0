package io.dashplane.provider.harness;

import io.dashplane.provider.cty.CtyException;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;

/** Strict decoding of provider answers, failing the way Terraform fails on a value that does not fit the schema. */
final class WireValues {
    private WireValues() {
    }

    static CtyValue decode(byte[] msgpack, ObjectType type, String field) {
        try {
            return CtyMsgpack.decode(msgpack, type);
        } catch (CtyException e) {
            throw new AssertionError(field + " does not conform to the schema type " + type.friendlyName()
                    + ": " + e.getMessage(), e);
        }
    }
}
