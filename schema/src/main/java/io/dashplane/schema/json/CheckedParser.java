package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Reads every token through the underlying parser and refuses what could not be stored as sent: a string or
 * key with an unpaired UTF-16 surrogate (a JSON escape such as {@code \udc00}; invalid UTF-8 bytes the
 * underlying parser already refuses). Every read failure becomes a {@link JsonReadFailure} saying where.
 */
final class CheckedParser extends JsonParserDelegate {
    CheckedParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token;
        try {
            token = delegate.nextToken();
        } catch (JsonReadFailure e) {
            throw e;
        } catch (StreamReadException e) {
            // FIELD_NAME: the member's name was read (parsers look at the value right away), its value failed.
            throw JsonReadFailure.of(delegate, e, delegate.currentToken() == JsonToken.FIELD_NAME);
        }
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
            check(token == JsonToken.FIELD_NAME);
        }
        return token;
    }

    /** Same as {@link JsonParser#nextValue()}, but through {@link #nextToken()} so that keys are checked too. */
    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** Skipped content is read through {@link #nextToken()} too: a body is refused or accepted as a whole. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken token = currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            token = nextToken();
            if (token == null) {
                return this;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void check(boolean key) throws IOException {
        String text;
        try {
            text = delegate.getText();
        } catch (StreamReadException e) {
            throw JsonReadFailure.of(delegate, e, !key);
        }
        if (hasUnpairedSurrogate(text)) {
            throw JsonReadFailure.invalidUnicode(delegate, key);
        }
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
