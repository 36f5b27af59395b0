package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.auth.ServiceAccountService;
import io.dashplane.server.auth.TokenRequest;
import io.dashplane.server.storage.Database;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4. The database is made full on demand with SQLite's {@code max_page_count} through the
 * test hook {@link Database#TEST_MAX_PAGE_COUNT_PROPERTY} (a limit of 1 means "the current size").
 */
class FullDiskTest extends ServerTestSupport {
    private static final String BIG = "x".repeat(60_000);

    @AfterEach
    void clearLimit() {
        System.clearProperty(Database.TEST_MAX_PAGE_COUNT_PROPERTY);
    }

    @Test
    void aFullDiskAnswers507ToWritesWhileAuthenticatedReadsKeepWorkingAlsoAfterARestart() {
        assertEquals(201, api.put(ENV + "/dashboards/kept", dashboard("Kept", "")).status());
        // Tokens never used yet: their first use writes lastUsedAt, which grows their rows, so pages must split.
        String adminId = server.services().database().read(tx -> new io.dashplane.server.auth.ServiceAccountRepository()
                .findByName(tx, ServiceAccountService.BOOTSTRAP_ACCOUNT)).orElseThrow().id();
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            unused.add(server.services().serviceAccounts().createToken(adminId, new TokenRequest("t" + i, null, null)).token());
        }
        System.setProperty(Database.TEST_MAX_PAGE_COUNT_PROPERTY, "1");
        restart();
        Api.Reply full = fillUp();
        assertStorageFull(full);
        assertEquals(200, api.get(ENV + "/dashboards/kept").status());

        restart(); // a restart on a full database
        assertStorageFull(api.put(ENV + "/dashboards/after-restart", dashboard("After restart", BIG)));
        for (String token : unused) {
            Api.Reply r = api.as(token).get(ENV + "/dashboards/kept");
            assertEquals(200, r.status(), "an authenticated read on a full disk: " + r);
        }
        assertEquals(200, api.get("/api/v1/environments").status());

        // Space is available again: the running server writes again.
        System.setProperty(Database.TEST_MAX_PAGE_COUNT_PROPERTY, String.valueOf(Integer.MAX_VALUE));
        Api.Reply again = api.put(ENV + "/dashboards/after-restart", dashboard("After restart", BIG));
        assertEquals(201, again.status(), again.toString());
        assertEquals("After restart", api.get(ENV + "/dashboards/after-restart").json().at("/dashboard/title").asText());
    }

    /** Writes big dashboards until the database is full; every answer before is a success, never a 500. */
    private Api.Reply fillUp() {
        for (int i = 0; i < 200; i++) {
            Api.Reply r = api.put(ENV + "/dashboards/fill-" + i, dashboard("Fill " + i, BIG));
            if (r.status() != 201) {
                return r;
            }
        }
        throw new AssertionError("the database never became full");
    }

    private static void assertStorageFull(Api.Reply r) {
        assertEquals(507, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.json().get("type").asText().endsWith("/storage-full"), r.toString());
        assertTrue(r.json().get("detail").asText().contains("storage is full"), r.toString());
    }

    private static String dashboard(String title, String description) {
        return "{\"dashboard\":{\"title\":\"" + title + "\",\"description\":\"" + description + "\",\"schemaVersion\":39}}";
    }
}
