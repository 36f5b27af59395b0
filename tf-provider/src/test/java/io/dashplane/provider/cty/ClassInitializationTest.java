package io.dashplane.provider.cty;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The type constants must be set whichever class the JVM happens to initialize first. */
class ClassInitializationTest {

    @Test
    void typeConstantsSurviveAnyInitializationOrder() throws Exception {
        for (String first : new String[] {"PrimitiveType", "DynamicType", "CtyType", "ListType"}) {
            URL classes = CtyType.class.getProtectionDomain().getCodeSource().getLocation();
            try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
                Class.forName("io.dashplane.provider.cty." + first, true, fresh);
                Class<?> ctyType = Class.forName("io.dashplane.provider.cty.CtyType", true, fresh);
                for (String constant : new String[] {"STRING", "NUMBER", "BOOL", "DYNAMIC"}) {
                    assertNotNull(ctyType.getField(constant).get(null), constant + " after initializing " + first);
                }
            }
        }
    }
}
