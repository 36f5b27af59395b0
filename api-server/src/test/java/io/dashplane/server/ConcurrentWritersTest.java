package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentWritersTest extends ServerTestSupport {

    @Test
    void sixteenConcurrentWritersAllSucceed() throws Exception {
        int writers = 16;
        int each = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    Api client = new Api(server.baseUri());
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(client.put(ENV + "/dashboards/w" + writer + "-" + (i % 3),
                                "{\"dashboard\":{\"title\":\"W" + writer + " " + i + "\",\"schemaVersion\":39,\"tags\":[\"w" + writer + "\"]}}").status());
                        statuses.add(client.get(ENV + "/dashboards?tag=w" + writer).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> f : results) {
                for (int status : f.get()) {
                    assertEquals(true, status == 200 || status == 201, "status " + status);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * 3, api.get(ENV + "/dashboards").json().get("total").asLong());
        var versions = api.get(ENV + "/dashboards/w0-0/versions").json();
        assertEquals(3, versions.get("total").asLong());
    }
}
