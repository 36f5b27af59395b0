package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.framework.Values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which integration (by uid) a block of a contact point stands for. Terraform pairs list blocks by
 * position, so after a reorder every block would take the uid of another integration; instead a block
 * whose content equals a prior block keeps that block's uid, the others keep the uid at their position
 * where no other block took it, and the rest get a new one (unknown until the server generates it).
 */
final class IntegrationIdentity {
    private IntegrationIdentity() {
    }

    /** The planned blocks of one type with their uids chosen; configured uids are kept as they are. */
    static List<Values> match(List<Values> config, List<Values> planned, List<Values> prior) {
        Set<String> taken = new HashSet<>();
        for (Values block : config) {
            if (block.isKnown(IntegrationBlock.UID) && block.isPresent(IntegrationBlock.UID)) {
                taken.add(block.getString(IntegrationBlock.UID));
            }
        }
        String[] chosen = new String[planned.size()];
        for (int i = 0; i < planned.size(); i++) {
            if (!config.get(i).isNull(IntegrationBlock.UID)) {
                continue;
            }
            for (Values before : prior) {
                String uid = before.getString(IntegrationBlock.UID);
                if (uid != null && !taken.contains(uid) && sameContent(planned.get(i), before)) {
                    chosen[i] = uid;
                    taken.add(uid);
                    break;
                }
            }
        }
        List<Values> result = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Values block = planned.get(i);
            if (config.get(i).isNull(IntegrationBlock.UID)) {
                if (chosen[i] != null) {
                    block = block.with(IntegrationBlock.UID, chosen[i]);
                } else {
                    CtyValue atPosition = block.get(IntegrationBlock.UID);
                    if (atPosition.isPresent() && !taken.contains(atPosition.asString())) {
                        taken.add(atPosition.asString());
                    } else if (!atPosition.isNull()) {
                        block = block.withUnknown(IntegrationBlock.UID);
                    }
                }
            }
            result.add(block);
        }
        return result;
    }

    private static boolean sameContent(Values planned, Values prior) {
        ObjectValue a = planned.toCty().withAttr(IntegrationBlock.UID, CtyValue.nullOf(io.dashplane.provider.cty.CtyType.STRING));
        ObjectValue b = prior.toCty().withAttr(IntegrationBlock.UID, CtyValue.nullOf(io.dashplane.provider.cty.CtyType.STRING));
        return a.equals(b);
    }

    /**
     * The prior block of a server integration on refresh: the one with its uid, else the one at the same
     * position among blocks of its type when that one has no uid (state upgraded from schema version 0).
     */
    static Values priorOf(JsonNode integration, int position, List<Values> prior) {
        String uid = integration.hasNonNull("uid") ? integration.get("uid").asText() : null;
        for (Values block : prior) {
            if (uid != null && uid.equals(block.getString(IntegrationBlock.UID))) {
                return block;
            }
        }
        if (position < prior.size() && prior.get(position).isNull(IntegrationBlock.UID)) {
            return prior.get(position);
        }
        return null;
    }
}
