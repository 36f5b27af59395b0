package io.dashplane.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.audit.Actor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import io.dashplane.server.http.Problems;
import io.dashplane.server.http.UriCheckingHandler;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The single enforcement point: authenticates the request (bearer token, or basic auth when enabled),
 * looks up the endpoint's {@link AccessRule} in {@link AccessRules} and answers 401, 403 or 429 (a
 * failed authentication from a throttled address) as a problem. It also sets the request's {@link Actor} for the audit log.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Request property: the authenticated {@link Principal}. */
    public static final String PRINCIPAL = Principal.class.getName();

    private static final ObjectMapper BODY_READER = new ObjectMapper();

    private final ServiceAccountService accounts;
    private final AuthFailureThrottle throttle;
    private final boolean basicAuth;
    private final boolean metricsPublic;
    private final Map<String, AccessResolver> resolvers;

    @Context
    private ResourceInfo resourceInfo;

    /** The access rule of each endpoint, worked out once (the route key comes from annotations, with regexes). */
    private final Map<Endpoint, Optional<AccessRule>> rules = new java.util.concurrent.ConcurrentHashMap<>();

    private record Endpoint(Class<?> resourceClass, java.lang.reflect.Method method) {
    }

    public AuthFilter(ServiceAccountService accounts, AuthFailureThrottle throttle, boolean basicAuth,
                      boolean metricsPublic) {
        this(accounts, throttle, basicAuth, metricsPublic, Map.of());
    }

    public AuthFilter(ServiceAccountService accounts, AuthFailureThrottle throttle, boolean basicAuth,
                      boolean metricsPublic, Map<String, AccessResolver> resolvers) {
        this.resolvers = Map.copyOf(resolvers);
        this.accounts = accounts;
        this.throttle = throttle;
        this.basicAuth = basicAuth;
        this.metricsPublic = metricsPublic;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Actor.set(null);
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && !declaresOptions()) {
            return; // Jersey's own OPTIONS answer: the route's methods (and CORS preflight), nothing else
        }
        Optional<AccessRule> declared = resourceInfo.getResourceClass() == null || resourceInfo.getResourceMethod() == null
                ? Optional.of(AccessRule.AUTHENTICATED) // Jersey's own OPTIONS/HEAD handling
                : rules.computeIfAbsent(new Endpoint(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()),
                        e -> RouteKeys.of(e.resourceClass(), e.method()).flatMap(AccessRules::forRoute));
        if (declared.isEmpty()) {
            request.abortWith(forbidden("no access rule is declared for this endpoint", Map.of()));
            return;
        }
        AccessRule rule = declared.get();
        if (rule instanceof AccessRule.Public || rule instanceof AccessRule.Metrics && metricsPublic) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            request.abortWith(unauthorized("authentication required: send Authorization: Bearer <token>"));
            return;
        }
        Optional<Principal> principal;
        String lower = authorization.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("bearer ")) {
            principal = accounts.authenticate(authorization.substring(7).trim());
        } else if (lower.startsWith("basic ")) {
            if (!basicAuth) {
                request.abortWith(unauthorized("basic authentication is disabled on this server; use a bearer token"));
                return;
            }
            principal = basic(authorization.substring(6).trim());
        } else {
            request.abortWith(unauthorized("unsupported authorization scheme; use Bearer"));
            return;
        }
        if (principal.isEmpty()) {
            // Only failures are throttled: valid credentials are checked first and always accepted, so a
            // guesser (or a broken client) sharing an address cannot lock out the accounts behind it.
            String address = String.valueOf(request.getProperty(UriCheckingHandler.CLIENT_ADDRESS));
            Optional<Duration> blocked = throttle.blockedFor(address);
            throttle.recordFailure(address);
            request.abortWith(blocked.isPresent() ? tooManyFailures(blocked.get())
                    : unauthorized("the token is invalid, expired or revoked"));
            return;
        }
        Principal p = principal.get();
        request.setProperty(PRINCIPAL, p);
        Actor.set(new Actor(p.name()));
        if (rule instanceof AccessRule.Resolved r) {
            checkResolved(r, p, request);
            return;
        }
        String denial = deny(rule, p, request);
        if (denial != null) {
            request.abortWith(forbidden(denial, requirement(rule, request)));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Actor.set(null);
    }

    private boolean declaresOptions() {
        return resourceInfo.getResourceMethod() != null && resourceInfo.getResourceMethod().isAnnotationPresent(OPTIONS.class);
    }

    private void checkResolved(AccessRule.Resolved rule, Principal p, ContainerRequestContext request) {
        AccessResolver resolver = resolvers.get(rule.resolver());
        if (resolver == null) {
            request.abortWith(forbidden("no access resolver '" + rule.resolver() + "' is registered", Map.of()));
            return;
        }
        AccessResolver.RequestFacts facts = new AccessResolver.RequestFacts(
                first(request.getUriInfo().getPathParameters()), first(request.getUriInfo().getQueryParameters()),
                () -> peekJson(request));
        for (AccessResolver.Requirement req : resolver.requirements(facts)) {
            String denial = needRole(p, req.env(), req.role());
            if (denial != null) {
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("requiredRole", req.role().label());
                ext.put("environment", req.env());
                request.abortWith(forbidden(denial, ext));
                return;
            }
        }
    }

    private static Map<String, String> first(MultivaluedMap<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    /** Reads the JSON body and puts the bytes back for the resource; null when there is none or it is not JSON. */
    private static JsonNode peekJson(ContainerRequestContext request) {
        try {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes.length == 0 ? null : BODY_READER.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Optional<Principal> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Null when allowed, else the reason, naming the missing role and environment. */
    static String deny(AccessRule rule, Principal p, ContainerRequestContext request) {
        if (rule instanceof AccessRule.ServerAdmin) {
            return p.serverAdmin() ? null : "service account '" + p.name() + "' needs the server-admin role";
        }
        if (rule instanceof AccessRule.ServerAdminOrSelf r) {
            return p.serverAdmin() || p.accountId().equals(param(request, r.param())) ? null
                    : "service account '" + p.name() + "' needs the server-admin role (or to be this account)";
        }
        if (rule instanceof AccessRule.InEnvironment r) {
            return needRole(p, param(request, r.param()), r.role());
        }
        if (rule instanceof AccessRule.InEnvironmentRevealingSecrets r) {
            if (!asksForSecrets(r, request)) {
                return needRole(p, param(request, r.param()), r.role());
            }
            String denial = needRole(p, param(request, r.param()), Role.ADMIN);
            return denial == null ? null : denial + " to read secret values (" + r.flag() + "); without "
                    + r.flag() + " the answer has them redacted";
        }
        if (rule instanceof AccessRule.InQueryEnvironment r) {
            String env = request.getUriInfo().getQueryParameters().getFirst(r.param());
            if (env == null || env.isEmpty()) {
                return p.serverAdmin() ? null : "service account '" + p.name() + "' needs the server-admin role (or the "
                        + r.role().label() + " role with ?" + r.param() + "=<environment>)";
            }
            return needRole(p, env, r.role());
        }
        return null; // Public, Metrics, Authenticated
    }

    /** Whether the request names the flag with any value but exactly {@code false}. */
    private static boolean asksForSecrets(AccessRule.InEnvironmentRevealingSecrets rule, ContainerRequestContext request) {
        java.util.List<String> values = request.getUriInfo().getQueryParameters().get(rule.flag());
        return values != null && values.stream().anyMatch(v -> !"false".equals(v));
    }

    private static String needRole(Principal p, String env, Role role) {
        if (env == null || p.has(env, role)) {
            return null;
        }
        return "service account '" + p.name() + "' needs role " + role.label() + " in environment '" + env + "' (it has "
                + p.roleIn(env).map(r -> "only " + r.label()).orElse("no role there") + ")";
    }

    private static Map<String, Object> requirement(AccessRule rule, ContainerRequestContext request) {
        Map<String, Object> ext = new LinkedHashMap<>();
        if (rule instanceof AccessRule.InEnvironment r) {
            ext.put("requiredRole", r.role().label());
            ext.put("environment", param(request, r.param()));
        } else if (rule instanceof AccessRule.InEnvironmentRevealingSecrets r) {
            ext.put("requiredRole", (asksForSecrets(r, request) ? Role.ADMIN : r.role()).label());
            ext.put("environment", param(request, r.param()));
        } else if (rule instanceof AccessRule.InQueryEnvironment r) {
            String env = request.getUriInfo().getQueryParameters().getFirst(r.param());
            if (env == null || env.isEmpty()) {
                ext.put("requiredRole", "ServerAdmin");
            } else {
                ext.put("requiredRole", r.role().label());
                ext.put("environment", env);
            }
        } else if (rule instanceof AccessRule.ServerAdmin || rule instanceof AccessRule.ServerAdminOrSelf) {
            ext.put("requiredRole", "ServerAdmin");
        }
        return ext;
    }

    /** A path parameter, else a query parameter of that name. */
    private static String param(ContainerRequestContext request, String name) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String v = path.getFirst(name);
        return v != null ? v : request.getUriInfo().getQueryParameters().getFirst(name);
    }

    private static Response tooManyFailures(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(Problems.simple(429, "too-many-requests", "Too many requests",
                        "too many failed authentications from this address; retry after " + seconds + " s"))
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private Response unauthorized(String detail) {
        Response.ResponseBuilder b = Response.fromResponse(Problems.simple(401, "unauthorized", "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dashplane\"");
        if (basicAuth) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dashplane\", charset=\"UTF-8\"");
        }
        return b.build();
    }

    private static Response forbidden(String detail, Map<String, Object> extensions) {
        return Problems.response(403, io.dashplane.server.http.ProblemException.TYPE_BASE + "forbidden", "Forbidden",
                detail, null, extensions);
    }
}
