package io.dashplane.provider.resources;

import io.dashplane.provider.framework.ProviderException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObjectIdTest {
    @Test
    void importIdIsUidOrEnvironmentSlashUid() {
        assertEquals(new ObjectId("default", "ml"), ObjectId.parseImportId("ml", "default"));
        assertEquals(new ObjectId("staging", "ml-v1"), ObjectId.parseImportId("staging/ml-v1", "default"));
        assertEquals("staging/ml-v1", ObjectId.parseImportId(" staging/ml-v1 ", "default").toString());
    }

    @Test
    void malformedImportIdsAreClearErrors() {
        for (String bad : new String[] {"", "a/b/c", "/uid", "env/", "has space", "x".repeat(41)}) {
            ProviderException e = assertThrows(ProviderException.class, () -> ObjectId.parseImportId(bad, "default"), bad);
            assertEquals("Invalid import id", e.diagnostics().get(0).summary());
        }
    }
}
