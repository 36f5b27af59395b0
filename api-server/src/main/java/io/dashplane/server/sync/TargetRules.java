package io.dashplane.server.sync;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.Durations;
import io.dashplane.schema.validation.Finding;
import io.dashplane.server.errors.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules of a target write, checked together so that a 422 lists every problem with its pointer. */
final class TargetRules {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TargetRules() {
    }

    static void check(SyncTargetRequest r, String pathName) {
        List<Finding> errors = new ArrayList<>();
        if (r.name() == null || r.name().isEmpty()) {
            if (pathName == null) {
                errors.add(new Finding("/name", "name is required"));
            }
        } else if (!NAME.matcher(r.name()).matches()) {
            errors.add(new Finding("/name", "must be 1-63 characters of [a-z0-9-] starting with a letter or digit"));
        } else if (pathName != null && !r.name().equals(pathName)) {
            errors.add(new Finding("/name", "name in the body differs from the name in the path"));
        }
        String urlProblem = urlProblem(r.url());
        if (urlProblem != null) {
            errors.add(new Finding("/url", urlProblem));
        }
        if (r.token() != null && (r.token().isBlank() || r.token().length() > 4096)) {
            errors.add(new Finding("/token", "must be a non-empty token of at most 4096 characters, or omitted"));
        }
        if (r.orgId() != null && r.orgId() < 1) {
            errors.add(new Finding("/orgId", "must be a Grafana organization id (1 or more)"));
        }
        if (r.tls() != null && r.tls().caCertificate() != null) {
            String problem = certificateProblem(r.tls().caCertificate());
            if (problem != null) {
                errors.add(new Finding("/tls/caCertificate", problem));
            }
        }
        if (r.folders() != null) {
            for (int i = 0; i < r.folders().size(); i++) {
                String f = r.folders().get(i);
                if (f == null || !Uid.isValid(f)) {
                    errors.add(new Finding("/folders/" + i, "must be a folder uid (1-40 characters of [A-Za-z0-9_-])"));
                }
            }
        }
        if (r.resyncInterval() != null) {
            String problem = Durations.problem(r.resyncInterval());
            if (problem != null) {
                errors.add(new Finding("/resyncInterval", problem));
            } else if (Durations.parse(r.resyncInterval()).toSeconds() < 1) {
                errors.add(new Finding("/resyncInterval", "must be at least 1s"));
            }
        }
        if (r.drift() != null && !r.drift().equals(SyncTarget.REVERT) && !r.drift().equals(SyncTarget.REPORT)) {
            errors.add(new Finding("/drift", "must be revert or report"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors, null);
        }
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "url is required";
        }
        try {
            URI u = new URI(url);
            if (!u.isAbsolute() || u.getHost() == null
                    || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                return "must be an absolute http(s) URL such as https://grafana.example.com";
            }
            if (u.getQuery() != null || u.getFragment() != null || u.getUserInfo() != null) {
                return "must not carry a query, fragment or user info; the token authenticates";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be an absolute http(s) URL such as https://grafana.example.com";
        }
    }

    /** Why {@code pem} is not one or more X.509 certificates in PEM, or null when it is. */
    static String certificateProblem(String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return "must be a PEM certificate (-----BEGIN CERTIFICATE-----) or null";
        }
        try {
            return TlsOptions.certificates(pem).isEmpty() ? "holds no certificate" : null;
        } catch (java.security.cert.CertificateException e) {
            return "is not a readable X.509 certificate: " + e.getMessage();
        }
    }
}
