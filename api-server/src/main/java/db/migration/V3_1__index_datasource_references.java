package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.dashboard.DatasourceReferenceIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Fills the datasource reference index (V3) for the dashboards stored before it existed. */
@SuppressWarnings("checkstyle:TypeName")
public class V3_1__index_datasource_references extends BaseJavaMigration {
    @Override
    public void migrate(Context context) {
        indexAll(DSL.using(context.getConnection()));
    }

    /** Rewrites the index rows of every stored dashboard, one dashboard's JSON in memory at a time. */
    public static void indexAll(DSLContext tx) {
        DatasourceReferenceIndex index = new DatasourceReferenceIndex(new ObjectMapper());
        Field<String> env = DSL.field(DSL.name("env"), String.class);
        Field<String> uid = DSL.field(DSL.name("uid"), String.class);
        Field<String> data = DSL.field(DSL.name("data"), String.class);
        Table<?> dashboards = DSL.table(DSL.name("dashboards"));
        for (Record2<String, String> key : tx.select(env, uid).from(dashboards).fetch()) {
            String json = tx.select(data).from(dashboards).where(env.eq(key.value1()).and(uid.eq(key.value2())))
                    .fetchOne(data);
            index.write(tx, key.value1(), key.value2(), json);
        }
    }
}
