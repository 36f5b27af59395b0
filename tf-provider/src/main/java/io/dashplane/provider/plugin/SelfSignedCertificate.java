package io.dashplane.provider.plugin;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

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
            boolean sha512 = curve.equals(TERRAFORM_CLIENT_CURVE);
            X509CertificateHolder signed = builder.build(new JdkEcdsaSigner(sha512 ? "SHA512withECDSA" : "SHA256withECDSA",
                    sha512 ? X9ObjectIdentifiers.ecdsa_with_SHA512 : X9ObjectIdentifiers.ecdsa_with_SHA256,
                    keyPair.getPrivate()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(signed.getEncoded()));
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    /**
     * Signs with the JDK's Signature directly. BouncyCastle's JcaContentSignerBuilder would do the same after
     * initialising its algorithm-name tables, which costs more start-up time than the signature itself.
     */
    private static final class JdkEcdsaSigner implements ContentSigner {
        private final AlgorithmIdentifier algorithm;
        private final Signature signature;
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    signature.update(b, off, len);
                } catch (SignatureException e) {
                    throw new java.io.IOException(e);
                }
            }
        };

        JdkEcdsaSigner(String jdkName, ASN1ObjectIdentifier oid, PrivateKey key) throws GeneralSecurityException {
            this.algorithm = new AlgorithmIdentifier(oid);
            this.signature = Signature.getInstance(jdkName);
            signature.initSign(key, new SecureRandom());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public byte[] getSignature() {
            try {
                return signature.sign();
            } catch (SignatureException e) {
                throw new IllegalStateException("cannot sign the certificate", e);
            }
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
