package io.dashplane.provider.plugin;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An ECDSA key pair with a self-signed certificate shaped like go-plugin's AutoMTLS certificates: CN and SAN
 * DNS {@code localhost}, CA:true, serverAuth and clientAuth, NotBefore 30 s in the past. Uses the JDK's EC
 * implementation; BouncyCastle only builds the certificate structure (its JCA provider is never registered).
 */
public record SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
    /** P-256: what the plugin presents as server (fast to generate; any curve works for the client). */
    public static final String SERVER_CURVE = "secp256r1";
    /** P-521: what Terraform's client certificate uses. */
    public static final String TERRAFORM_CLIENT_CURVE = "secp521r1";

    public static SelfSignedCertificate generate(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            StartupTrace.mark("key pair");
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=localhost,O=Dashplane");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                    asn1Time(now.minus(Duration.ofSeconds(30))), asn1Time(now.plus(Duration.ofDays(365))),
                    subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            StartupTrace.mark("certificate fields");
            String signature = curve.equals(TERRAFORM_CLIENT_CURVE) ? "SHA512withECDSA" : "SHA256withECDSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(keyPair.getPrivate())));
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    /**
     * UTCTime (before 2050) or GeneralizedTime, made from its DER bytes: BouncyCastle's {@code Date} constructors
     * format through {@code SimpleDateFormat}, whose calendar and locale data cost noticeable start-up time.
     */
    static Time asn1Time(Instant instant) throws java.io.IOException {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        boolean utcTime = t.getYear() < 2050;
        StringBuilder text = new StringBuilder(15);
        if (utcTime) {
            appendTwoDigits(text, t.getYear() % 100);
        } else {
            text.append(t.getYear());
        }
        for (int field : new int[] {t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()}) {
            appendTwoDigits(text, field);
        }
        byte[] content = text.append('Z').toString().getBytes(StandardCharsets.US_ASCII);
        byte[] der = new byte[content.length + 2];
        der[0] = (byte) (utcTime ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
        der[1] = (byte) content.length;
        System.arraycopy(content, 0, der, 2, content.length);
        return Time.getInstance(ASN1Primitive.fromByteArray(der));
    }

    private static void appendTwoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The DER encoding in standard base64 without padding, as printed in the go-plugin handshake line. */
    public String derBase64NoPadding() {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        try {
            StringWriter w = new StringWriter();
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
            return w.toString();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
