package io.dashplane.server.promotion;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.bool;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.IdSequence;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for stored plans ({@code change_plans}) and the record of applied ones ({@code promotions}). */
public final class ChangePlanRepository {
    static final Table<?> PLANS = table("change_plans");
    static final Table<?> PROMOTIONS = table("promotions");
    static final Field<String> ID = text("id");
    static final Field<Long> SEQ = bigint("seq");
    static final Field<String> KIND = text("kind");
    static final Field<String> PLAN_ID = text("plan_id");
    static final Field<String> ACTOR = text("actor");
    static final Field<String> SOURCE_ENV = text("source_env");
    static final Field<String> TARGET_ENV = text("target_env");
    static final Field<String> PLAN = text("plan");
    static final Field<Boolean> APPLIED = bool("applied");
    static final Field<String> OBJECTS = text("objects");
    static final Field<String> CREATED_AT = text("created_at");

    private final ObjectMapper mapper;

    public ChangePlanRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insertPlan(DSLContext tx, ChangePlan plan) {
        tx.insertInto(PLANS).set(ID, plan.id()).set(KIND, plan.kind()).set(SOURCE_ENV, plan.source())
                .set(TARGET_ENV, plan.target()).set(PLAN, write(plan)).set(APPLIED, false)
                .set(CREATED_AT, plan.createdAt()).execute();
    }

    public Optional<ChangePlan> findPlan(DSLContext tx, String id) {
        return tx.select(PLAN).from(PLANS).where(ID.eq(id)).fetchOptional(PLAN)
                .map(json -> read(json, new TypeReference<ChangePlan>() { }));
    }

    /** Deletes the plans created before {@code cutoff} (an RFC 3339 UTC timestamp, as stored); returns how many. */
    public int deletePlansCreatedBefore(DSLContext tx, String cutoff) {
        return tx.deleteFrom(PLANS).where(CREATED_AT.lt(cutoff)).execute();
    }

    public boolean isApplied(DSLContext tx, String id) {
        return tx.fetchExists(PROMOTIONS, ID.eq(id));
    }

    public void markApplied(DSLContext tx, String id) {
        tx.update(PLANS).set(APPLIED, true).where(ID.eq(id)).execute();
    }

    public void insertRecord(DSLContext tx, PromotionRecord r) {
        tx.insertInto(PROMOTIONS).set(ID, r.id()).set(SEQ, IdSequence.next(tx, "promotion")).set(KIND, r.kind())
                .set(PLAN_ID, r.id()).set(ACTOR, r.actor()).set(SOURCE_ENV, r.source()).set(TARGET_ENV, r.target())
                .set(OBJECTS, write(r.objects())).set(CREATED_AT, r.createdAt()).execute();
    }

    public List<PromotionRecord> listRecords(DSLContext tx, int offset, int limit) {
        return tx.select(ID, KIND, ACTOR, SOURCE_ENV, TARGET_ENV, OBJECTS, CREATED_AT).from(PROMOTIONS)
                .orderBy(SEQ.desc()).limit(limit).offset(offset).fetch(this::record);
    }

    public long countRecords(DSLContext tx) {
        return tx.fetchCount(PROMOTIONS);
    }

    public Optional<PromotionRecord> findRecord(DSLContext tx, String id) {
        return tx.select(ID, KIND, ACTOR, SOURCE_ENV, TARGET_ENV, OBJECTS, CREATED_AT).from(PROMOTIONS)
                .where(ID.eq(id)).fetchOptional().map(this::record);
    }

    private PromotionRecord record(Record r) {
        return new PromotionRecord(r.get(ID), r.get(KIND), r.get(ACTOR), r.get(SOURCE_ENV), r.get(TARGET_ENV),
                read(r.get(OBJECTS), new TypeReference<List<AppliedObject>>() { }), r.get(CREATED_AT));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored plan", e);
        }
    }
}
