package io.dashplane.provider.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
    @Test
    void validityTimesEncodeExactlyAsBouncyCastlesDateConstructorDoes() throws Exception {
        for (String instant : List.of("2026-11-25T01:02:03Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z",
                "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", "2107-06-09T10:11:12.999Z")) {
            Instant t = Instant.parse(instant);
            assertArrayEquals(new Time(Date.from(t.minusNanos(t.getNano()))).getEncoded(),
                    SelfSignedCertificate.asn1Time(t).getEncoded(), instant);
        }
    }

    @Test
    void serverCertificateIsValidNowForLocalhost() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(SelfSignedCertificate.SERVER_CURVE);
        cert.certificate().checkValidity();
        cert.certificate().verify(cert.keyPair().getPublic());
        assertTrue(cert.certificate().getNotBefore().toInstant().isBefore(Instant.now().minusSeconds(29)));
        assertEquals(List.of(2, "localhost"), List.copyOf(cert.certificate().getSubjectAlternativeNames().iterator().next()));
    }
}
