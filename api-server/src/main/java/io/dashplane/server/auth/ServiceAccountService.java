package io.dashplane.server.auth;

import io.dashplane.schema.Uid;
import io.dashplane.server.audit.Actor;
import io.dashplane.server.audit.AuditLog;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentRepository;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import io.dashplane.server.storage.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Service accounts, their role grants and API tokens; authentication of a presented token. Every
 * change is audited in its own transaction. Token plaintext exists only in the answer to
 * {@link #createToken} (and in the bootstrap print-out); the database holds SHA-256 hashes.
 */
public final class ServiceAccountService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceAccountService.class);
    public static final String KIND_ACCOUNT = "service-account";
    public static final String KIND_TOKEN = "api-token";
    public static final String BOOTSTRAP_ACCOUNT = "admin";
    /** last_used_at is written at most this often per token, so reads do not each cost a write. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;

    private final Database db;
    private final ServiceAccountRepository repository;
    private final EnvironmentRepository environments;
    private final Clock clock;
    private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();
    /**
     * Bearer tokens that authenticated, by hash, with the number of database commits that changed what a principal
     * is made of ({@link #PRINCIPAL_TABLES}) when they were read: any such write (a revocation, a role change, an
     * account or environment deleted) makes every entry stale, so the cache can never grant what the database would
     * refuse; expiry is checked on every use. Writes to content leave it valid. Saves a read transaction of three
     * queries per request.
     */
    private final Cache<String, Authenticated> authenticated = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Authenticated(long commits, ApiToken token, Principal principal) {
    }

    /** The tables whose rows make a token's principal (roles go with their environment: ON DELETE CASCADE). */
    private static final String[] PRINCIPAL_TABLES = {"api_tokens", "service_accounts", "service_account_roles",
            "environments"};
    private final java.util.concurrent.atomic.AtomicBoolean touchFailing = new java.util.concurrent.atomic.AtomicBoolean();

    public ServiceAccountService(Database db, ServiceAccountRepository repository, EnvironmentRepository environments,
                                 Clock clock) {
        this.db = db;
        this.repository = repository;
        this.environments = environments;
        this.clock = clock;
    }

    // --- accounts

    public Page<ServiceAccount> list(PageRequest page) {
        return db.read(tx -> Page.of(repository.list(tx, page.offset(), page.perPage()), repository.count(tx), page));
    }

    public ServiceAccount get(String id) {
        return db.read(tx -> repository.find(tx, id).orElseThrow(() -> notFound(id)));
    }

    public ServiceAccount create(ServiceAccountRequest request) {
        return db.write(tx -> {
            checkNameFree(tx, request.name(), null);
            String now = Timestamps.now();
            ServiceAccount a = new ServiceAccount(Uid.generate(), request.name(), orEmpty(request.description()),
                    Boolean.TRUE.equals(request.serverAdmin()), roles(tx, request.roles()), 1, now, now);
            repository.insert(tx, a);
            AuditRecorder.of(tx).record(null, KIND_ACCOUNT, a.id(), AuditLog.CREATE, null, a.version(), a);
            return a;
        });
    }

    public WriteResult<ServiceAccount> update(String id, ServiceAccountRequest request, ExpectedVersion expected) {
        return db.write(tx -> {
            ServiceAccount current = repository.find(tx, id).orElseThrow(() -> notFound(id));
            Versions.check(expected, current.version(), "service account '" + id + "'");
            checkNameFree(tx, request.name(), id);
            boolean admin = Boolean.TRUE.equals(request.serverAdmin());
            if (current.serverAdmin() && !admin) {
                requireAnotherServerAdmin(tx);
            }
            ServiceAccount a = new ServiceAccount(id, request.name(), orEmpty(request.description()), admin,
                    roles(tx, request.roles()), current.version() + 1, current.createdAt(), Timestamps.now());
            repository.update(tx, a);
            AuditRecorder.of(tx).record(null, KIND_ACCOUNT, id, AuditLog.UPDATE, current.version(), a.version(), a);
            return new WriteResult<>(a, false);
        });
    }

    public void delete(String id) {
        db.write(tx -> {
            ServiceAccount current = repository.find(tx, id).orElseThrow(() -> notFound(id));
            if (current.serverAdmin()) {
                requireAnotherServerAdmin(tx);
            }
            repository.delete(tx, id);
            AuditRecorder.of(tx).record(null, KIND_ACCOUNT, id, AuditLog.DELETE, current.version(), null, current);
            return null;
        });
    }

    /** Grants {@code role} in {@code env} (replacing the account's previous role there). */
    public ServiceAccount grant(String id, String env, String roleText) {
        Role role = Role.parse(roleText).orElseThrow(() -> DomainException.invalid("/role",
                "role must be Viewer, Editor or Admin"));
        return changeRoles(id, env, roles -> roles.put(env, role.label()));
    }

    public ServiceAccount revoke(String id, String env) {
        return changeRoles(id, env, roles -> {
            if (roles.remove(env) == null) {
                throw DomainException.notFound("service account '" + id + "' has no role in environment '" + env + "'");
            }
        });
    }

    private ServiceAccount changeRoles(String id, String env, java.util.function.Consumer<Map<String, String>> change) {
        return db.write(tx -> {
            if (!environments.exists(tx, env)) {
                throw DomainException.notFound("environment '" + env + "' does not exist");
            }
            ServiceAccount current = repository.find(tx, id).orElseThrow(() -> notFound(id));
            Map<String, String> roles = new TreeMap<>(current.roles());
            change.accept(roles);
            ServiceAccount a = new ServiceAccount(id, current.name(), current.description(), current.serverAdmin(),
                    roles, current.version() + 1, current.createdAt(), Timestamps.now());
            repository.update(tx, a);
            AuditRecorder.of(tx).record(env, KIND_ACCOUNT, id, AuditLog.UPDATE, current.version(), a.version(), a);
            return a;
        });
    }

    // --- tokens

    public CreatedToken createToken(String accountId, TokenRequest request) {
        TokenRequest r = request == null ? new TokenRequest(null, null, null) : request;
        String expiresAt = expiry(r);
        String token = Tokens.generate();
        return db.write(tx -> {
            repository.find(tx, accountId).orElseThrow(() -> notFound(accountId));
            ApiToken info = insertToken(tx, AuditRecorder.of(tx), accountId,
                    r.name() == null || r.name().isBlank() ? "token" : r.name(), token, expiresAt);
            return new CreatedToken(info, token);
        });
    }

    public java.util.List<ApiToken> tokens(String accountId) {
        return db.read(tx -> {
            repository.find(tx, accountId).orElseThrow(() -> notFound(accountId));
            return repository.tokens(tx, accountId);
        });
    }

    public ApiToken revokeToken(String accountId, String tokenId) {
        return db.write(tx -> {
            ApiToken t = repository.token(tx, accountId, tokenId).orElseThrow(() ->
                    DomainException.notFound("token '" + tokenId + "' of service account '" + accountId + "' does not exist"));
            if (t.revokedAt() != null) {
                return t;
            }
            String now = Timestamps.now();
            repository.revokeToken(tx, tokenId, now);
            ApiToken revoked = new ApiToken(t.id(), t.accountId(), t.name(), t.hint(), t.expiresAt(), now,
                    t.lastUsedAt(), t.createdAt());
            AuditRecorder.of(tx).record(null, KIND_TOKEN, tokenId, AuditLog.DELETE, null, null, revoked);
            return revoked;
        });
    }

    private ApiToken insertToken(DSLContext tx, AuditRecorder audit, String accountId, String name, String token,
                                 String expiresAt) {
        ApiToken info = new ApiToken(Uid.generate(), accountId, name, Tokens.hint(token), expiresAt, null, null,
                Timestamps.format(clock.instant()));
        repository.insertToken(tx, info, Tokens.hash(token));
        audit.record(null, KIND_TOKEN, info.id(), AuditLog.CREATE, null, null, info);
        return info;
    }

    private String expiry(TokenRequest r) {
        Instant at = TokenExpiry.of(r, clock.instant());
        return at == null ? null : Timestamps.format(at);
    }

    // --- authentication

    /** The principal of a valid (known, not revoked, not expired) bearer token. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        // Read before the lookup: an entry made from a snapshot older than a later commit is never used.
        long commits = db.changesTo(PRINCIPAL_TABLES);
        Authenticated known = authenticated.getIfPresent(hash);
        if (known != null && known.commits() == commits && usable(known.token())) {
            touch(hash);
            return Optional.of(known.principal());
        }
        Optional<Authenticated> found = db.read(tx -> repository.tokenByHash(tx, hash)
                .filter(t -> Tokens.sameHash(t.hash(), hash))
                .filter(t -> usable(t.info()))
                .flatMap(t -> principal(tx, t.info()).map(p -> new Authenticated(commits, t.info(), p))));
        found.ifPresent(a -> {
            authenticated.put(hash, a);
            touch(hash);
        });
        return found.map(Authenticated::principal);
    }

    /** Basic authentication: service-account name and one of its tokens as the password. */
    public Optional<Principal> authenticate(String accountName, String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<Principal> principal = db.read(tx -> repository.findByName(tx, accountName).flatMap(a -> {
            // Compare against every token of the account, without stopping at the first match.
            ApiToken match = null;
            for (ServiceAccountRepository.StoredToken t : repository.storedTokens(tx, a.id())) {
                if (Tokens.sameHash(t.hash(), hash) && usable(t.info())) {
                    match = t.info();
                }
            }
            return match == null ? Optional.<Principal>empty() : principal(tx, match);
        }));
        principal.ifPresent(p -> touch(hash));
        return principal;
    }

    private boolean usable(ApiToken t) {
        return t.revokedAt() == null && (t.expiresAt() == null || clock.instant().isBefore(Instant.parse(t.expiresAt())));
    }

    private Optional<Principal> principal(DSLContext tx, ApiToken t) {
        return repository.find(tx, t.accountId()).map(a -> {
            Map<String, Role> roles = new LinkedHashMap<>();
            a.roles().forEach((env, role) -> Role.parse(role).ifPresent(r -> roles.put(env, r)));
            return new Principal(a.id(), a.name(), a.serverAdmin(), roles);
        });
    }

    private void touch(String hash) {
        Instant now = clock.instant();
        Instant last = lastUsedWritten.get(hash);
        if (last != null && last.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUsedWritten.put(hash, now);
        try {
            db.write(tx -> {
                repository.tokenByHash(tx, hash).ifPresent(t -> repository.touchToken(tx, t.info().id(), Timestamps.format(now)));
                return null;
            });
            touchFailing.set(false);
        } catch (RuntimeException e) {
            // Bookkeeping never fails the request it describes (e.g. a read on a full disk): log once, go on.
            if (touchFailing.compareAndSet(false, true)) {
                LOG.warn("cannot record lastUsedAt of API tokens; requests go on without it: {}", e.getMessage());
            }
        }
    }

    // --- bootstrap

    /**
     * On a server without any service account, creates the server admin {@value #BOOTSTRAP_ACCOUNT} with
     * {@code configuredToken}, or with a generated token that is returned (for printing once).
     */
    public Optional<String> bootstrap(String configuredToken) {
        if (configuredToken != null && configuredToken.length() < MIN_BOOTSTRAP_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the bootstrap token must be at least " + MIN_BOOTSTRAP_TOKEN_LENGTH
                    + " characters long");
        }
        return Actor.as(Actor.SYSTEM, () -> db.write(tx -> {
            if (repository.count(tx) > 0) {
                return Optional.<String>empty();
            }
            String token = configuredToken != null ? configuredToken : Tokens.generate();
            String now = Timestamps.now();
            ServiceAccount a = new ServiceAccount(Uid.generate(), BOOTSTRAP_ACCOUNT, "created at first start",
                    true, Map.of(), 1, now, now);
            AuditRecorder audit = AuditRecorder.of(tx);
            repository.insert(tx, a);
            audit.record(null, KIND_ACCOUNT, a.id(), AuditLog.CREATE, null, 1L, a);
            insertToken(tx, audit, a.id(), "bootstrap", token, null);
            return configuredToken == null ? Optional.of(token) : Optional.<String>empty();
        }));
    }

    // --- helpers

    private Map<String, String> roles(DSLContext tx, Map<String, String> requested) {
        Map<String, String> roles = new TreeMap<>();
        if (requested == null) {
            return roles;
        }
        requested.forEach((env, text) -> {
            String pointer = "/roles/" + env.replace("~", "~0").replace("/", "~1");
            Role role = Role.parse(text).orElseThrow(() -> DomainException.invalid(pointer,
                    "role must be Viewer, Editor or Admin"));
            if (!environments.exists(tx, env)) {
                throw DomainException.invalid(pointer, "environment '" + env + "' does not exist");
            }
            roles.put(env, role.label());
        });
        return roles;
    }

    private void checkNameFree(DSLContext tx, String name, String selfId) {
        repository.findByName(tx, name).filter(a -> !a.id().equals(selfId)).ifPresent(a -> {
            throw DomainException.conflict("service account name '" + name + "' is taken");
        });
    }

    private void requireAnotherServerAdmin(DSLContext tx) {
        if (repository.countServerAdmins(tx) <= 1) {
            throw DomainException.conflict("this is the last server admin; make another account server admin first");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("service account '" + id + "' does not exist");
    }
}
