package io.dashplane.server.promotion;

import static io.dashplane.server.storage.schema.Tables.CHANGE_PLANS;
import static io.dashplane.server.storage.schema.Tables.PROMOTIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.IdSequence;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for stored plans ({@code change_plans}) and the record of applied ones ({@code promotions}). */
public final class ChangePlanRepository {

    private final ObjectMapper mapper;

    public ChangePlanRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insertPlan(DSLContext tx, ChangePlan plan) {
        tx.insertInto(CHANGE_PLANS).set(CHANGE_PLANS.ID, plan.id()).set(CHANGE_PLANS.KIND, plan.kind())
                .set(CHANGE_PLANS.SOURCE_ENV, plan.source())
                .set(CHANGE_PLANS.TARGET_ENV, plan.target()).set(CHANGE_PLANS.PLAN, write(plan))
                .set(CHANGE_PLANS.APPLIED, false)
                .set(CHANGE_PLANS.CREATED_AT, plan.createdAt()).execute();
    }

    public Optional<ChangePlan> findPlan(DSLContext tx, String id) {
        return tx.select(CHANGE_PLANS.PLAN).from(CHANGE_PLANS).where(CHANGE_PLANS.ID.eq(id))
                .fetchOptional(CHANGE_PLANS.PLAN)
                .map(json -> read(json, new TypeReference<ChangePlan>() { }));
    }

    /** Deletes the plans created before {@code cutoff} (an RFC 3339 UTC timestamp, as stored); returns how many. */
    public int deletePlansCreatedBefore(DSLContext tx, String cutoff) {
        return tx.deleteFrom(CHANGE_PLANS).where(CHANGE_PLANS.CREATED_AT.lt(cutoff)).execute();
    }

    public boolean isApplied(DSLContext tx, String id) {
        return tx.fetchExists(PROMOTIONS, PROMOTIONS.ID.eq(id));
    }

    public void markApplied(DSLContext tx, String id) {
        tx.update(CHANGE_PLANS).set(CHANGE_PLANS.APPLIED, true).where(CHANGE_PLANS.ID.eq(id)).execute();
    }

    public void insertRecord(DSLContext tx, PromotionRecord r) {
        tx.insertInto(PROMOTIONS).set(PROMOTIONS.ID, r.id()).set(PROMOTIONS.SEQ, IdSequence.next(tx, "promotion"))
                .set(PROMOTIONS.KIND, r.kind())
                .set(PROMOTIONS.PLAN_ID, r.id()).set(PROMOTIONS.ACTOR, r.actor()).set(PROMOTIONS.SOURCE_ENV, r.source())
                .set(PROMOTIONS.TARGET_ENV, r.target())
                .set(PROMOTIONS.OBJECTS, write(r.objects())).set(PROMOTIONS.CREATED_AT, r.createdAt()).execute();
    }

    public List<PromotionRecord> listRecords(DSLContext tx, int offset, int limit) {
        return tx.select(PROMOTIONS.ID, PROMOTIONS.KIND, PROMOTIONS.ACTOR, PROMOTIONS.SOURCE_ENV, PROMOTIONS.TARGET_ENV,
                PROMOTIONS.OBJECTS, PROMOTIONS.CREATED_AT).from(PROMOTIONS)
                .orderBy(PROMOTIONS.SEQ.desc()).limit(limit).offset(offset).fetch(this::record);
    }

    public long countRecords(DSLContext tx) {
        return tx.fetchCount(PROMOTIONS);
    }

    public Optional<PromotionRecord> findRecord(DSLContext tx, String id) {
        return tx.select(PROMOTIONS.ID, PROMOTIONS.KIND, PROMOTIONS.ACTOR, PROMOTIONS.SOURCE_ENV, PROMOTIONS.TARGET_ENV,
                PROMOTIONS.OBJECTS, PROMOTIONS.CREATED_AT).from(PROMOTIONS)
                .where(PROMOTIONS.ID.eq(id)).fetchOptional().map(this::record);
    }

    private PromotionRecord record(Record r) {
        return new PromotionRecord(r.get(PROMOTIONS.ID), r.get(PROMOTIONS.KIND), r.get(PROMOTIONS.ACTOR),
                r.get(PROMOTIONS.SOURCE_ENV), r.get(PROMOTIONS.TARGET_ENV),
                read(r.get(PROMOTIONS.OBJECTS), new TypeReference<List<AppliedObject>>() { }),
                r.get(PROMOTIONS.CREATED_AT));
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
