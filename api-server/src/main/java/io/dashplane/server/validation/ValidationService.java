package io.dashplane.server.validation;

import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.errors.ProblemDocument;
import io.dashplane.server.storage.ExpectedVersion;

import java.util.List;
import java.util.Set;

/** Checks each item with the dry run of the service that would write it; nothing is written. */
public final class ValidationService {
    private final DashboardService dashboards;

    public ValidationService(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public ValidationResponse validate(String env, ValidationRequest request) {
        List<ValidationResponse.ItemResult> results = dashboards.dryRuns(env, PlannedRequest.toPlanned(request.planned()),
                dryRun -> request.items().stream().map(item -> check(dryRun, item)).toList());
        return new ValidationResponse(results.stream().allMatch(ValidationResponse.ItemResult::valid), results);
    }

    private static ValidationResponse.ItemResult check(DashboardService.DryRun dryRun, ValidationItem item) {
        Long version = item.body().version();
        ExpectedVersion expected = version == null ? ExpectedVersion.NONE : ExpectedVersion.exactly(version);
        Set<String> unknown = item.unknown() == null ? Set.of() : Set.copyOf(item.unknown());
        try {
            return new ValidationResponse.ItemResult(item.key(), true, 200,
                    dryRun.check(item.uid(), item.body().toWrite(expected), unknown));
        } catch (DomainException e) {
            return new ValidationResponse.ItemResult(item.key(), false, e.kind().status(), ProblemDocument.of(e));
        }
    }
}
