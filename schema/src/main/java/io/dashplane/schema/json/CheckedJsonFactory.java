package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** A JSON factory whose parsers are {@link CheckedParser}s. */
final class CheckedJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    CheckedJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private CheckedJsonFactory(CheckedJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new CheckedJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return new CheckedParser(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new CheckedParser(super._createParser(input, ctxt));
    }
}
