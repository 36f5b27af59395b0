package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dashplane.schema.alerting.RuleGroup;
import java.io.IOException;

/**
 * A rule group write: its interval (a duration, or whole seconds as Grafana's HTTP API sends it) and the
 * compare-and-set {@code version}. Folder and name come from the path; {@code rules}, which a GET answer
 * lists, is accepted and dropped (rules are written one by one).
 */
@JsonIgnoreProperties({"rules", "createdAt", "updatedAt", "warnings"})
public record RuleGroupRequest(
        String folderUid,
        @JsonAlias("title") String name,
        @JsonDeserialize(using = DurationOrSeconds.class) String interval,
        Long version) {

    public RuleGroup ruleGroup() {
        return new RuleGroup(folderUid, name, interval);
    }

    /** A string as it is, or a whole number of seconds as its digits (validation reads bare numbers as seconds). */
    static final class DurationOrSeconds extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getText();
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }
}
