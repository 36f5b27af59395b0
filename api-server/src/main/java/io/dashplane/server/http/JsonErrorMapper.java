package io.dashplane.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dashplane.schema.json.JsonReadFailure;
import io.dashplane.schema.validation.Finding;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/**
 * Every Jackson failure while reading a request body is the client's: 400 with a pointer to the field
 * (for type mismatches, duplicate keys and invalid Unicode) or to the enclosing value plus the line and
 * column (for syntax errors). Never echoes values (they may be secrets).
 */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return Problems.response(ProblemException.tooLarge(tooLarge.limit()));
        }
        JsonReadFailure failure = readFailure(e);
        if (failure != null) {
            return malformed(failure.pointer(), failure.line() < 0 ? failure.problem()
                    : failure.problem() + " (line " + failure.line() + ", column " + failure.column() + ")", failure);
        }
        if (e instanceof StreamConstraintsException) {
            return malformed("", "JSON nesting or size exceeds the server limits (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = JsonPointers.of(mapping.getPath());
            return malformed(pointer, describe(mapping), e);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return malformed("", describe(mismatched), e);
        }
        return malformed("", syntaxMessage(e), e);
    }

    /** The parse failure behind {@code e} (which may wrap it with the path of the field being read), if any. */
    private static JsonReadFailure readFailure(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonReadFailure failure) {
                return failure;
            }
        }
        return null;
    }

    /** Jackson's own messages quote the offending token, which may be a secret; say what, not which. */
    private static String syntaxMessage(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException) {
            return "malformed JSON: unexpected end of input";
        }
        if (original.startsWith("Duplicate field")) {
            return "malformed JSON: " + firstLine(original);
        }
        if (original.startsWith("Trailing token")) {
            return "malformed JSON: content after the end of the JSON value";
        }
        return "malformed JSON";
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "wrong type: expected " + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "wrong type: expected " + simpleType(m.getTargetType());
        }
        return "invalid value";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static Response malformed(String pointer, String message, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Map<String, Object> ext = loc == null || loc.getLineNr() < 0 ? Map.of()
                : Map.of("line", loc.getLineNr(), "column", loc.getColumnNr());
        return Problems.response(400, ProblemException.TYPE_BASE + "malformed", "Malformed request", message,
                List.of(new Finding(pointer, message)), ext);
    }
}
