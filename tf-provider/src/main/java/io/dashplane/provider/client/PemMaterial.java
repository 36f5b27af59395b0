package io.dashplane.provider.client;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads certificates and private keys from PEM text or PEM files. */
final class PemMaterial {
    private PemMaterial() {
    }

    /** The PEM text of a setting that holds either PEM text or a file path. */
    static String text(String pemOrPath, String what) {
        if (pemOrPath.contains("-----BEGIN")) {
            return pemOrPath;
        }
        try {
            return Files.readString(Path.of(pemOrPath.trim()));
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(what + ": cannot read the PEM file \"" + pemOrPath.trim()
                    + "\": " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(String pemOrPath, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        String pem = text(pemOrPath, what);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": invalid PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(what + ": no CERTIFICATE block found in the PEM data");
        }
        return certificates;
    }

    static PrivateKey privateKey(String pemOrPath, String what) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        String pem = text(pemOrPath, what);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof PEMKeyPair pair) {
                    // the public half is optional in SEC1 keys, so convert only the private key
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException(what + ": the private key is encrypted; give an unencrypted key");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException mine && mine.getMessage().startsWith(what)) {
                throw mine;
            }
            throw new IllegalArgumentException(what + ": invalid PEM private key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(what + ": no PRIVATE KEY block found in the PEM data");
    }
}
