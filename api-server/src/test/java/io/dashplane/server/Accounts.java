package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

/** Creates service accounts and tokens through the API, as the server admin. */
final class Accounts {
    record Account(String id, String name, String token) {}

    private Accounts() {
    }

    static Account create(Api admin, String name, Map<String, String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("roles", roles);
        Api.Reply created = admin.post("/api/v1/service-accounts", Api.toJson(body));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        return new Account(id, name, token(admin, id, "{\"name\":\"main\"}"));
    }

    static String token(Api admin, String accountId, String body) {
        Api.Reply t = admin.post("/api/v1/service-accounts/" + accountId + "/tokens", body);
        assertEquals(201, t.status(), t.toString());
        return t.json().get("token").asText();
    }
}
