package io.dashplane.server.alerting;

import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import java.util.List;
import org.jooq.DSLContext;

/** Looks folders up by title: provisioning files name a rule group's folder by its title. */
final class FolderTitles {
    private FolderTitles() {
    }

    static List<String> uidsWithTitle(DSLContext tx, String env, String title) {
        return tx.select(text("uid")).from(table("folders"))
                .where(text("env").eq(env).and(text("title").eq(title))).orderBy(text("uid")).fetch(text("uid"));
    }
}
