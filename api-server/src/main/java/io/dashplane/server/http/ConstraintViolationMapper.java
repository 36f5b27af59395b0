package io.dashplane.server.http;

import io.dashplane.schema.validation.Finding;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request bodies: 422 with a pointer per violated field. */
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Finding> findings = e.getConstraintViolations().stream()
                .map(v -> new Finding(pointer(v), v.getMessage()))
                .sorted(Comparator.comparing(Finding::pointer))
                .toList();
        return Problems.response(ProblemException.validation(findings, null));
    }

    static String pointer(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                sb.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                sb.append('/').append(JsonPointers.escape(String.valueOf(node.getKey())));
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                sb.append('/').append(JsonPointers.escape(node.getName()));
            }
        }
        return sb.toString();
    }
}
