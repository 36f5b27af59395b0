package io.dashplane.server.audit;

import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;

/** Queries the audit log. */
public final class AuditService {
    private final Database db;
    private final AuditRepository repository = new AuditRepository();

    public AuditService(Database db) {
        this.db = db;
    }

    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        return db.read(tx -> Page.of(repository.list(tx, query, page.offset(), page.perPage()),
                repository.count(tx, query), page));
    }
}
