package io.dashplane.server.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key of an endpoint in {@link AccessRules}: {@code "METHOD /route/{template}"}, computed from the
 * JAX-RS annotations of the resource method, the same way for the request filter and for tests that
 * walk every resource class.
 */
public final class RouteKeys {
    private RouteKeys() {
    }

    /** The key of a resource method, empty when it is not an HTTP endpoint (no @GET, @POST, ...). */
    public static Optional<String> of(Class<?> resourceClass, Method method) {
        String httpMethod = httpMethod(method);
        if (httpMethod == null) {
            return Optional.empty();
        }
        Path classPath = resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return Optional.of(httpMethod + " " + join(classPath == null ? "" : classPath.value(),
                methodPath == null ? "" : methodPath.value()));
    }

    /** Every endpoint key of a resource class. */
    public static List<String> all(Class<?> resourceClass) {
        List<String> keys = new ArrayList<>();
        for (Method m : resourceClass.getMethods()) {
            of(resourceClass, m).ifPresent(keys::add);
        }
        return keys;
    }

    static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    static String join(String classPath, String methodPath) {
        String path = "/" + stripRegex(classPath) + "/" + stripRegex(methodPath);
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code {uid: .+}} -> {@code {uid}}. */
    private static String stripRegex(String template) {
        return template.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
