package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.FOLDERS;

import java.util.List;
import org.jooq.DSLContext;

/** Looks folders up by title: provisioning files name a rule group's folder by its title. */
final class FolderTitles {
    private FolderTitles() {
    }

    static List<String> uidsWithTitle(DSLContext tx, String env, String title) {
        return tx.select(FOLDERS.UID).from(FOLDERS)
                .where(FOLDERS.ENV.eq(env).and(FOLDERS.TITLE.eq(title))).orderBy(FOLDERS.UID).fetch(FOLDERS.UID);
    }
}
