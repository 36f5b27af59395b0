package io.dashplane.server.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Converts {@code @QueryParam} values to {@link QueryFlag}, naming the parameter in the 400 problem. The
 * problem travels inside a {@link WebApplicationException}: Jersey passes that on unchanged, whereas other
 * exceptions from a converter become a 404 (or, for IllegalArgumentException, silently the default value).
 */
public final class QueryFlagConverter implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != QueryFlag.class) {
            return null;
        }
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse("flag");
        return (ParamConverter<T>) new ParamConverter<QueryFlag>() {
            @Override
            public QueryFlag fromString(String value) {
                if (value == null) { // absent: Jersey asks for the (undeclared) default value
                    return null;
                }
                return QueryFlag.parse(value).orElseThrow(() -> new WebApplicationException(
                        ProblemException.badParameter(name, "query parameter '" + name + "' must be true or false"),
                        400));
            }

            @Override
            public String toString(QueryFlag flag) {
                return Boolean.toString(flag.value());
            }
        };
    }
}
