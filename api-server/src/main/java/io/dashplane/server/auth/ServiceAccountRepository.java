package io.dashplane.server.auth;

import static io.dashplane.server.storage.schema.Tables.API_TOKENS;
import static io.dashplane.server.storage.schema.Tables.SERVICE_ACCOUNTS;
import static io.dashplane.server.storage.schema.Tables.SERVICE_ACCOUNT_ROLES;

import io.dashplane.server.storage.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for service accounts, role grants and API tokens. Every method runs inside the caller's transaction. */
public final class ServiceAccountRepository {

    /** A stored token with its hash, for authentication only. */
    public record StoredToken(ApiToken info, String hash) {}

    public long count(DSLContext tx) {
        return tx.fetchCount(SERVICE_ACCOUNTS);
    }

    public long countServerAdmins(DSLContext tx) {
        return tx.fetchCount(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS.SERVER_ADMIN.isTrue());
    }

    public List<ServiceAccount> list(DSLContext tx, int offset, int limit) {
        return tx.select(SERVICE_ACCOUNTS.ID, SERVICE_ACCOUNTS.NAME, SERVICE_ACCOUNTS.DESCRIPTION,
                SERVICE_ACCOUNTS.SERVER_ADMIN, SERVICE_ACCOUNTS.VERSION, SERVICE_ACCOUNTS.CREATED_AT,
                SERVICE_ACCOUNTS.UPDATED_AT).from(SERVICE_ACCOUNTS)
                .orderBy(SERVICE_ACCOUNTS.NAME).limit(limit).offset(offset).fetch(r -> map(tx, r));
    }

    public Optional<ServiceAccount> find(DSLContext tx, String id) {
        return tx.select(SERVICE_ACCOUNTS.ID, SERVICE_ACCOUNTS.NAME, SERVICE_ACCOUNTS.DESCRIPTION,
                SERVICE_ACCOUNTS.SERVER_ADMIN, SERVICE_ACCOUNTS.VERSION, SERVICE_ACCOUNTS.CREATED_AT,
                SERVICE_ACCOUNTS.UPDATED_AT).from(SERVICE_ACCOUNTS)
                .where(SERVICE_ACCOUNTS.ID.eq(id)).fetchOptional().map(r -> map(tx, r));
    }

    public Optional<ServiceAccount> findByName(DSLContext tx, String name) {
        return tx.select(SERVICE_ACCOUNTS.ID, SERVICE_ACCOUNTS.NAME, SERVICE_ACCOUNTS.DESCRIPTION,
                SERVICE_ACCOUNTS.SERVER_ADMIN, SERVICE_ACCOUNTS.VERSION, SERVICE_ACCOUNTS.CREATED_AT,
                SERVICE_ACCOUNTS.UPDATED_AT).from(SERVICE_ACCOUNTS)
                .where(SERVICE_ACCOUNTS.NAME.eq(name)).fetchOptional().map(r -> map(tx, r));
    }

    public void insert(DSLContext tx, ServiceAccount a) {
        tx.insertInto(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS.ID, SERVICE_ACCOUNTS.NAME, SERVICE_ACCOUNTS.DESCRIPTION,
                SERVICE_ACCOUNTS.SERVER_ADMIN, SERVICE_ACCOUNTS.VERSION, SERVICE_ACCOUNTS.CREATED_AT,
                SERVICE_ACCOUNTS.UPDATED_AT)
                .values(a.id(), a.name(), a.description(), a.serverAdmin(), a.version(), a.createdAt(), a.updatedAt())
                .execute();
        replaceRoles(tx, a.id(), a.roles());
    }

    public void update(DSLContext tx, ServiceAccount a) {
        int rows = tx.update(SERVICE_ACCOUNTS).set(SERVICE_ACCOUNTS.NAME, a.name())
                .set(SERVICE_ACCOUNTS.DESCRIPTION, a.description()).set(SERVICE_ACCOUNTS.SERVER_ADMIN, a.serverAdmin())
                .set(SERVICE_ACCOUNTS.VERSION, a.version()).set(SERVICE_ACCOUNTS.UPDATED_AT, a.updatedAt())
                .where(SERVICE_ACCOUNTS.ID.eq(a.id()).and(SERVICE_ACCOUNTS.VERSION.eq(a.version() - 1))).execute();
        Versions.applied(rows, tx, SERVICE_ACCOUNTS, SERVICE_ACCOUNTS.ID.eq(a.id()), a.version() - 1,
                "service account '" + a.id() + "'");
        replaceRoles(tx, a.id(), a.roles());
    }

    public void delete(DSLContext tx, String id) {
        tx.deleteFrom(SERVICE_ACCOUNTS).where(SERVICE_ACCOUNTS.ID.eq(id)).execute();
    }

    private void replaceRoles(DSLContext tx, String accountId, Map<String, String> roles) {
        tx.deleteFrom(SERVICE_ACCOUNT_ROLES).where(SERVICE_ACCOUNT_ROLES.ACCOUNT_ID.eq(accountId)).execute();
        roles.forEach((env, role) -> tx.insertInto(SERVICE_ACCOUNT_ROLES, SERVICE_ACCOUNT_ROLES.ACCOUNT_ID,
                SERVICE_ACCOUNT_ROLES.ENV, SERVICE_ACCOUNT_ROLES.ROLE).values(accountId, env, role).execute());
    }

    private static ServiceAccount map(DSLContext tx, Record r) {
        Map<String, String> roles = new LinkedHashMap<>();
        tx.select(SERVICE_ACCOUNT_ROLES.ENV, SERVICE_ACCOUNT_ROLES.ROLE).from(SERVICE_ACCOUNT_ROLES)
                .where(SERVICE_ACCOUNT_ROLES.ACCOUNT_ID.eq(r.get(SERVICE_ACCOUNTS.ID)))
                .orderBy(SERVICE_ACCOUNT_ROLES.ENV)
                .forEach(g -> roles.put(g.get(SERVICE_ACCOUNT_ROLES.ENV), g.get(SERVICE_ACCOUNT_ROLES.ROLE)));
        return new ServiceAccount(r.get(SERVICE_ACCOUNTS.ID), r.get(SERVICE_ACCOUNTS.NAME),
                r.get(SERVICE_ACCOUNTS.DESCRIPTION), Boolean.TRUE.equals(r.get(SERVICE_ACCOUNTS.SERVER_ADMIN)),
                roles, r.get(SERVICE_ACCOUNTS.VERSION), r.get(SERVICE_ACCOUNTS.CREATED_AT),
                r.get(SERVICE_ACCOUNTS.UPDATED_AT));
    }

    // --- tokens

    public void insertToken(DSLContext tx, ApiToken t, String hash) {
        tx.insertInto(API_TOKENS, API_TOKENS.ID, API_TOKENS.ACCOUNT_ID, API_TOKENS.NAME, API_TOKENS.HINT,
                API_TOKENS.TOKEN_HASH, API_TOKENS.EXPIRES_AT, API_TOKENS.REVOKED_AT, API_TOKENS.LAST_USED_AT,
                API_TOKENS.CREATED_AT)
                .values(t.id(), t.accountId(), t.name(), t.hint(), hash, t.expiresAt(), t.revokedAt(), t.lastUsedAt(),
                        t.createdAt())
                .execute();
    }

    public List<ApiToken> tokens(DSLContext tx, String accountId) {
        return tx.select(API_TOKENS.ID, API_TOKENS.ACCOUNT_ID, API_TOKENS.NAME, API_TOKENS.HINT, API_TOKENS.TOKEN_HASH,
                API_TOKENS.EXPIRES_AT, API_TOKENS.REVOKED_AT, API_TOKENS.LAST_USED_AT, API_TOKENS.CREATED_AT)
                .from(API_TOKENS).where(API_TOKENS.ACCOUNT_ID.eq(accountId))
                .orderBy(API_TOKENS.CREATED_AT, API_TOKENS.ID)
                .fetch(r -> mapToken(r).info());
    }

    public Optional<ApiToken> token(DSLContext tx, String accountId, String tokenId) {
        return tx.select(API_TOKENS.ID, API_TOKENS.ACCOUNT_ID, API_TOKENS.NAME, API_TOKENS.HINT, API_TOKENS.TOKEN_HASH,
                API_TOKENS.EXPIRES_AT, API_TOKENS.REVOKED_AT, API_TOKENS.LAST_USED_AT, API_TOKENS.CREATED_AT)
                .from(API_TOKENS).where(API_TOKENS.ACCOUNT_ID.eq(accountId).and(API_TOKENS.ID.eq(tokenId)))
                .fetchOptional()
                .map(r -> mapToken(r).info());
    }

    public Optional<StoredToken> tokenByHash(DSLContext tx, String hash) {
        return tx.select(API_TOKENS.ID, API_TOKENS.ACCOUNT_ID, API_TOKENS.NAME, API_TOKENS.HINT, API_TOKENS.TOKEN_HASH,
                API_TOKENS.EXPIRES_AT, API_TOKENS.REVOKED_AT, API_TOKENS.LAST_USED_AT, API_TOKENS.CREATED_AT)
                .from(API_TOKENS).where(API_TOKENS.TOKEN_HASH.eq(hash))
                .fetchOptional().map(ServiceAccountRepository::mapToken);
    }

    public List<StoredToken> storedTokens(DSLContext tx, String accountId) {
        return tx.select(API_TOKENS.ID, API_TOKENS.ACCOUNT_ID, API_TOKENS.NAME, API_TOKENS.HINT, API_TOKENS.TOKEN_HASH,
                API_TOKENS.EXPIRES_AT, API_TOKENS.REVOKED_AT, API_TOKENS.LAST_USED_AT, API_TOKENS.CREATED_AT)
                .from(API_TOKENS).where(API_TOKENS.ACCOUNT_ID.eq(accountId)).fetch(ServiceAccountRepository::mapToken);
    }

    public void revokeToken(DSLContext tx, String tokenId, String at) {
        tx.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, at).where(API_TOKENS.ID.eq(tokenId)).execute();
    }

    public void touchToken(DSLContext tx, String tokenId, String at) {
        tx.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, at).where(API_TOKENS.ID.eq(tokenId)).execute();
    }

    private static StoredToken mapToken(Record r) {
        return new StoredToken(new ApiToken(r.get(API_TOKENS.ID), r.get(API_TOKENS.ACCOUNT_ID), r.get(API_TOKENS.NAME),
                r.get(API_TOKENS.HINT), r.get(API_TOKENS.EXPIRES_AT),
                r.get(API_TOKENS.REVOKED_AT), r.get(API_TOKENS.LAST_USED_AT), r.get(API_TOKENS.CREATED_AT)),
                r.get(API_TOKENS.TOKEN_HASH));
    }
}
