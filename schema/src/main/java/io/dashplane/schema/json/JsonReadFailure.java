package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * JSON that cannot be read, said plainly: what is wrong ({@link #problem()}), the JSON pointer of where
 * ({@link #pointer()}) and the line and column. The problem never quotes the document's values (they may be
 * secrets) nor parser internals; it names member names only as pointers do.
 */
public final class JsonReadFailure extends JsonParseException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String pointer;

    JsonReadFailure(JsonParser parser, String problem, String pointer, JsonLocation location, Throwable cause) {
        super(parser, problem + (pointer.isEmpty() ? "" : " at " + pointer), location, cause);
        this.problem = problem;
        this.pointer = pointer;
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    /** RFC 6901 pointer of the value (or, for a key or a syntax error, the enclosing value) at fault. */
    public String pointer() {
        return pointer;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return getLocation() == null ? -1 : getLocation().getLineNr();
    }

    /** 1-based column, or -1 when unknown. */
    public int column() {
        return getLocation() == null ? -1 : getLocation().getColumnNr();
    }

    @Override
    public String getMessage() {
        return line() < 0 ? getOriginalMessage()
                : getOriginalMessage() + " (line " + line() + ", column " + column() + ")";
    }

    /** A string or key that is not Unicode text; {@code key}: a member name, located by its object. */
    static JsonReadFailure invalidUnicode(JsonParser parser, boolean key) {
        String what = key ? "a key" : "the string";
        return new JsonReadFailure(parser, "invalid Unicode: " + what + " contains an unpaired UTF-16 surrogate",
                key ? container(parser.getParsingContext()) : member(parser.getParsingContext()),
                parser.currentTokenLocation(), null);
    }

    /**
     * Jackson's failure, located. {@code inValue}: the parser was reading the value of the current member or
     * element (so the pointer names it); otherwise the failure is located by the enclosing value.
     */
    static JsonReadFailure of(JsonParser parser, StreamReadException e, boolean inValue) {
        JsonStreamContext context = parser.getParsingContext();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String pointer = inValue ? member(context) : container(context);
        String problem;
        if (message.startsWith("Duplicate field '")) {
            problem = "duplicate key '" + context.getCurrentName() + "'";
            pointer = member(context);
        } else {
            problem = describe(e, message, context);
        }
        return new JsonReadFailure(parser, problem, pointer, e.getLocation(), e);
    }

    private static String describe(StreamReadException e, String message, JsonStreamContext context) {
        if (e instanceof JsonEOFException) {
            return "unexpected end of input" + (context.inObject() ? " inside an object"
                    : context.inArray() ? " inside an array" : "");
        }
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
            return "invalid UTF-8: the bytes are not UTF-8 encoded text";
        }
        if (message.startsWith("Unexpected character (")) {
            int colon = message.indexOf("): ");
            return unexpected(found(message), colon < 0 ? message : message.substring(colon + 3), context);
        }
        if (message.startsWith("Unexpected close marker")) {
            return "a closing bracket that does not match the opening one";
        }
        if (message.startsWith("Unrecognized token")) {
            return "a value that is not JSON (strings need double quotes; the literals are true, false and null)";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character in a string (it must be escaped)";
        }
        if (message.startsWith("Unrecognized character escape") || message.contains("escape sequence")) {
            return "an invalid escape sequence in a string";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (message.startsWith("Invalid numeric value") || message.contains("numeric value")) {
            return "an invalid number";
        }
        return "malformed JSON";
    }

    private static String unexpected(char found, String expectation, JsonStreamContext context) {
        if (expectation.startsWith("was expecting double-quote to start field name")) {
            return found == '}' ? "trailing comma before '}'" : "expected a key in double quotes";
        }
        if (expectation.startsWith("was expecting a colon")) {
            return "expected ':' after a key";
        }
        if (expectation.startsWith("was expecting comma to separate Object")) {
            return "expected ',' or '}' after a member";
        }
        if (expectation.startsWith("was expecting comma to separate Array")) {
            return "expected ',' or ']' after an array element";
        }
        if (expectation.contains("expected a value") || expectation.contains("expected a valid value")) {
            return found == ']' && context.inArray() ? "trailing comma before ']'" : "expected a value";
        }
        if (expectation.contains("numeric value")) {
            return "an invalid number";
        }
        return "an unexpected character";
    }

    /** The character Jackson quotes in "Unexpected character ('x' (code 120))", or 0. */
    private static char found(String message) {
        int quote = message.indexOf("('");
        return quote >= 0 && quote + 2 < message.length() ? message.charAt(quote + 2) : 0;
    }

    /** Pointer of the current member or element. */
    private static String member(JsonStreamContext context) {
        return context.pathAsPointer().toString();
    }

    /** Pointer of the object or array being read. */
    private static String container(JsonStreamContext context) {
        return context.inRoot() || context.getParent() == null ? "" : context.getParent().pathAsPointer().toString();
    }
}
