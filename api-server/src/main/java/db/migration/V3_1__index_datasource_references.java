package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.dashboard.DatasourceReferenceIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/** Fills the datasource reference index (V3) for the dashboards stored before it existed. */
@SuppressWarnings("checkstyle:TypeName")
public class V3_1__index_datasource_references extends BaseJavaMigration {
    @Override
    public void migrate(Context context) {
        DSLContext tx = DSL.using(context.getConnection());
        DatasourceReferenceIndex index = new DatasourceReferenceIndex(new ObjectMapper());
        for (Record3<String, String, String> row : tx.select(DSL.field(DSL.name("env"), String.class),
                DSL.field(DSL.name("uid"), String.class), DSL.field(DSL.name("data"), String.class))
                .from(DSL.table(DSL.name("dashboards"))).fetch()) {
            index.write(tx, row.value1(), row.value2(), row.value3());
        }
    }
}
