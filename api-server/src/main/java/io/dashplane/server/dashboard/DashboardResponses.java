package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** JSON shapes of dashboard reads; the dashboard JSON is embedded verbatim as stored. */
public final class DashboardResponses {
    private DashboardResponses() {
    }

    public record Meta(String uid, long id, long version, String folderUid, String url, String title,
                       List<String> tags, String message, String createdAt, String updatedAt, String provenance,
                       java.util.Map<String, String> targetUrls) {
    }

    public record Read(@Schema(implementation = Object.class, description = "the dashboard JSON model as written")
                       @JsonRawValue String dashboard, Meta meta) {
        static Read of(StoredDashboard d, TargetLinks links, String env) {
            String url = DashboardUrls.of(d.uid(), d.title());
            return new Read(d.json(), new Meta(d.uid(), d.id(), d.version(), d.folderUid(),
                    url, d.title(), d.tags(), d.message(), d.createdAt(),
                    d.updatedAt(), d.provenance(), links.forEnvironment(env).urls(d.folderUid(), url)));
        }
    }

    /**
     * The answer of {@code POST .../dashboards/_read}: one {@link Read} per stored uid, in the order asked, each the
     * body {@code GET .../dashboards/{uid}} answers (its {@code meta.version} is that GET's ETag), and the uids
     * that are not stored. Documents the shape; the resource writes the GET bodies' bytes as they are.
     */
    public record BulkRead(List<Read> items, List<String> missing) {
    }

    /**
     * The answer of the search, {@code Page<DashboardHit>}, under the schema name the generic type had; documents the
     * shape, the resource writes the page's kept bytes ({@link DashboardReads#search}).
     */
    @Schema(name = "PageDashboardHit")
    public record SearchPage(List<DashboardHit> items, long total, int page, int perPage) {
    }

    public record VersionSummary(long version, String message, String createdAt) {
        static VersionSummary of(DashboardVersion v) {
            return new VersionSummary(v.version(), v.message(), v.createdAt());
        }
    }

    public record VersionRead(long version, String message, String createdAt, String folderUid,
                              @Schema(implementation = Object.class, description = "the dashboard JSON model of this version")
                              @JsonRawValue String dashboard) {
        static VersionRead of(DashboardVersion v) {
            return new VersionRead(v.version(), v.message(), v.createdAt(), v.folderUid(), v.json());
        }
    }
}
