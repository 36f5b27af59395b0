package io.dashplane.server.validation;

import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.TargetLinks;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.errors.ProblemDocument;
import io.dashplane.server.storage.ExpectedVersion;

import java.util.List;
import java.util.Set;

/** Checks each item with the dry run of the service that would write it; nothing is written. */
public final class ValidationService {
    private final DashboardService dashboards;
    private final TargetLinks links;

    /** {@code links}: the dashboard URLs in the environment's sync targets, as a real write answers them. */
    public ValidationService(DashboardService dashboards, TargetLinks links) {
        this.dashboards = dashboards;
        this.links = links;
    }

    public ValidationResponse validate(String env, ValidationRequest request) {
        TargetLinks.Resolver urls = links.forEnvironment(env);
        List<ValidationResponse.ItemResult> results = dashboards.dryRuns(env, PlannedRequest.toPlanned(request.planned()),
                dryRun -> request.items().stream().map(item -> check(dryRun, item, urls)).toList());
        return new ValidationResponse(results.stream().allMatch(ValidationResponse.ItemResult::valid), results);
    }

    private static ValidationResponse.ItemResult check(DashboardService.DryRun dryRun, ValidationItem item,
                                                       TargetLinks.Resolver urls) {
        Long version = item.body().version();
        ExpectedVersion expected = version == null ? ExpectedVersion.NONE : ExpectedVersion.exactly(version);
        Set<String> unknown = item.unknown() == null ? Set.of() : Set.copyOf(item.unknown());
        try {
            var result = dryRun.check(item.uid(), item.body().toWrite(expected), unknown);
            return new ValidationResponse.ItemResult(item.key(), true, 200,
                    result.withTargetUrls(urls.urls(result.folderUid(), result.url())));
        } catch (DomainException e) {
            return new ValidationResponse.ItemResult(item.key(), false, e.kind().status(), ProblemDocument.of(e));
        }
    }
}
