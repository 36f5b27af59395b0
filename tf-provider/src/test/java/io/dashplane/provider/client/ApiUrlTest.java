package io.dashplane.provider.client;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiUrlTest {

    @Test
    void appendsApiBaseAndKeepsAPathPrefix() {
        assertEquals("http://h:8080/api/v1/environments",
                ApiUrl.api(URI.create("http://h:8080")).path("environments").toString());
        assertEquals("https://h/dashplane/api/v1/environments",
                ApiUrl.api(URI.create("https://h/dashplane//")).path("environments").toString());
        assertEquals("http://h/readyz", ApiUrl.root(URI.create("http://h/")).path("readyz").toString());
    }

    @Test
    void escapesPathSegments() {
        assertEquals("http://h/api/v1/environments/default/datasources/name/My%20Prom%2Fmain%3F%23%25",
                ApiUrl.api(URI.create("http://h")).path("environments", "default", "datasources", "name", "My Prom/main?#%")
                        .toString());
        assertEquals("http://h/x/%C3%A9t%C3%A9", ApiUrl.root(URI.create("http://h")).path("x", "été").toString());
        assertEquals("http://h/x/%2E%2E", ApiUrl.root(URI.create("http://h")).path("x", "..").toString());
        assertThrows(IllegalArgumentException.class, () -> ApiUrl.root(URI.create("http://h")).path(""));
    }

    @Test
    void buildsQueriesSkippingNulls() {
        ApiUrl url = ApiUrl.api(URI.create("http://h")).path("dashboards")
                .query("query", "CPU & memory").query("tag", "a=b").query("tag", "ml").query("folderUid", null)
                .query("page", 2);
        assertEquals("http://h/api/v1/dashboards?query=CPU%20%26%20memory&tag=a%3Db&tag=ml&page=2", url.toString());
        assertEquals("/api/v1/dashboards", url.toUri().getRawPath());
        assertEquals("query=CPU & memory&tag=a=b&tag=ml&page=2", url.toUri().getQuery());
    }

    @Test
    void clientUsesTheDefaultEnvironmentWhenNoneIsGiven() {
        DashplaneClient client = new DashplaneClient(ClientConfig.of("http://h:1").withEnvironment("staging"));
        assertEquals("http://h:1/api/v1/environments/staging/folders", client.in(null, "folders").toString());
        assertEquals("http://h:1/api/v1/environments/prod/folders", client.in("prod", "folders").toString());
    }
}
