package io.dashplane.server.auth;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.bool;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.storage.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for service accounts, role grants and API tokens. Every method runs inside the caller's transaction. */
public final class ServiceAccountRepository {
    private static final Table<?> ACCOUNTS = table("service_accounts");
    private static final Table<?> ROLES = table("service_account_roles");
    private static final Table<?> TOKENS = table("api_tokens");
    private static final Field<String> ID = text("id");
    private static final Field<String> NAME = text("name");
    private static final Field<String> DESCRIPTION = text("description");
    private static final Field<Boolean> SERVER_ADMIN = bool("server_admin");
    private static final Field<Long> VERSION = bigint("version");
    private static final Field<String> CREATED_AT = text("created_at");
    private static final Field<String> UPDATED_AT = text("updated_at");
    private static final Field<String> ACCOUNT_ID = text("account_id");
    private static final Field<String> ENV = text("env");
    private static final Field<String> ROLE = text("role");
    private static final Field<String> HINT = text("hint");
    private static final Field<String> TOKEN_HASH = text("token_hash");
    private static final Field<String> EXPIRES_AT = text("expires_at");
    private static final Field<String> REVOKED_AT = text("revoked_at");
    private static final Field<String> LAST_USED_AT = text("last_used_at");

    /** A stored token with its hash, for authentication only. */
    public record StoredToken(ApiToken info, String hash) {}

    public long count(DSLContext tx) {
        return tx.fetchCount(ACCOUNTS);
    }

    public long countServerAdmins(DSLContext tx) {
        return tx.fetchCount(ACCOUNTS, SERVER_ADMIN.isTrue());
    }

    public List<ServiceAccount> list(DSLContext tx, int offset, int limit) {
        return tx.select(ID, NAME, DESCRIPTION, SERVER_ADMIN, VERSION, CREATED_AT, UPDATED_AT).from(ACCOUNTS)
                .orderBy(NAME).limit(limit).offset(offset).fetch(r -> map(tx, r));
    }

    public Optional<ServiceAccount> find(DSLContext tx, String id) {
        return tx.select(ID, NAME, DESCRIPTION, SERVER_ADMIN, VERSION, CREATED_AT, UPDATED_AT).from(ACCOUNTS)
                .where(ID.eq(id)).fetchOptional().map(r -> map(tx, r));
    }

    public Optional<ServiceAccount> findByName(DSLContext tx, String name) {
        return tx.select(ID, NAME, DESCRIPTION, SERVER_ADMIN, VERSION, CREATED_AT, UPDATED_AT).from(ACCOUNTS)
                .where(NAME.eq(name)).fetchOptional().map(r -> map(tx, r));
    }

    public void insert(DSLContext tx, ServiceAccount a) {
        tx.insertInto(ACCOUNTS, ID, NAME, DESCRIPTION, SERVER_ADMIN, VERSION, CREATED_AT, UPDATED_AT)
                .values(a.id(), a.name(), a.description(), a.serverAdmin(), a.version(), a.createdAt(), a.updatedAt())
                .execute();
        replaceRoles(tx, a.id(), a.roles());
    }

    public void update(DSLContext tx, ServiceAccount a) {
        int rows = tx.update(ACCOUNTS).set(NAME, a.name()).set(DESCRIPTION, a.description())
                .set(SERVER_ADMIN, a.serverAdmin()).set(VERSION, a.version()).set(UPDATED_AT, a.updatedAt())
                .where(ID.eq(a.id()).and(VERSION.eq(a.version() - 1))).execute();
        Versions.applied(rows, tx, ACCOUNTS, ID.eq(a.id()), a.version() - 1, "service account '" + a.id() + "'");
        replaceRoles(tx, a.id(), a.roles());
    }

    public void delete(DSLContext tx, String id) {
        tx.deleteFrom(ACCOUNTS).where(ID.eq(id)).execute();
    }

    private void replaceRoles(DSLContext tx, String accountId, Map<String, String> roles) {
        tx.deleteFrom(ROLES).where(ACCOUNT_ID.eq(accountId)).execute();
        roles.forEach((env, role) -> tx.insertInto(ROLES, ACCOUNT_ID, ENV, ROLE).values(accountId, env, role).execute());
    }

    private static ServiceAccount map(DSLContext tx, Record r) {
        Map<String, String> roles = new LinkedHashMap<>();
        tx.select(ENV, ROLE).from(ROLES).where(ACCOUNT_ID.eq(r.get(ID))).orderBy(ENV)
                .forEach(g -> roles.put(g.get(ENV), g.get(ROLE)));
        return new ServiceAccount(r.get(ID), r.get(NAME), r.get(DESCRIPTION), Boolean.TRUE.equals(r.get(SERVER_ADMIN)),
                roles, r.get(VERSION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    // --- tokens

    public void insertToken(DSLContext tx, ApiToken t, String hash) {
        tx.insertInto(TOKENS, ID, ACCOUNT_ID, NAME, HINT, TOKEN_HASH, EXPIRES_AT, REVOKED_AT, LAST_USED_AT, CREATED_AT)
                .values(t.id(), t.accountId(), t.name(), t.hint(), hash, t.expiresAt(), t.revokedAt(), t.lastUsedAt(),
                        t.createdAt())
                .execute();
    }

    public List<ApiToken> tokens(DSLContext tx, String accountId) {
        return tx.select(ID, ACCOUNT_ID, NAME, HINT, TOKEN_HASH, EXPIRES_AT, REVOKED_AT, LAST_USED_AT, CREATED_AT)
                .from(TOKENS).where(ACCOUNT_ID.eq(accountId)).orderBy(CREATED_AT, ID)
                .fetch(r -> mapToken(r).info());
    }

    public Optional<ApiToken> token(DSLContext tx, String accountId, String tokenId) {
        return tx.select(ID, ACCOUNT_ID, NAME, HINT, TOKEN_HASH, EXPIRES_AT, REVOKED_AT, LAST_USED_AT, CREATED_AT)
                .from(TOKENS).where(ACCOUNT_ID.eq(accountId).and(ID.eq(tokenId))).fetchOptional()
                .map(r -> mapToken(r).info());
    }

    public Optional<StoredToken> tokenByHash(DSLContext tx, String hash) {
        return tx.select(ID, ACCOUNT_ID, NAME, HINT, TOKEN_HASH, EXPIRES_AT, REVOKED_AT, LAST_USED_AT, CREATED_AT)
                .from(TOKENS).where(TOKEN_HASH.eq(hash)).fetchOptional().map(ServiceAccountRepository::mapToken);
    }

    public List<StoredToken> storedTokens(DSLContext tx, String accountId) {
        return tx.select(ID, ACCOUNT_ID, NAME, HINT, TOKEN_HASH, EXPIRES_AT, REVOKED_AT, LAST_USED_AT, CREATED_AT)
                .from(TOKENS).where(ACCOUNT_ID.eq(accountId)).fetch(ServiceAccountRepository::mapToken);
    }

    public void revokeToken(DSLContext tx, String tokenId, String at) {
        tx.update(TOKENS).set(REVOKED_AT, at).where(ID.eq(tokenId)).execute();
    }

    public void touchToken(DSLContext tx, String tokenId, String at) {
        tx.update(TOKENS).set(LAST_USED_AT, at).where(ID.eq(tokenId)).execute();
    }

    private static StoredToken mapToken(Record r) {
        return new StoredToken(new ApiToken(r.get(ID), r.get(ACCOUNT_ID), r.get(NAME), r.get(HINT), r.get(EXPIRES_AT),
                r.get(REVOKED_AT), r.get(LAST_USED_AT), r.get(CREATED_AT)), r.get(TOKEN_HASH));
    }
}
