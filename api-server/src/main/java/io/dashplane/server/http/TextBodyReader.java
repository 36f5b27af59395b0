package io.dashplane.server.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bodies taken as text (bundle and alerting imports, JSON or YAML) are decoded strictly: bytes that are not
 * text in the declared charset (UTF-8 unless declared) are a 400 naming the line and column, instead of
 * silently becoming U+FFFD as with Jersey's own reader.
 */
@Consumes(MediaType.WILDCARD)
public final class TextBodyReader implements MessageBodyReader<String> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return decode(entityStream.readAllBytes(), charset(mediaType));
    }

    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notText(out.flip().toString(), charset);
        }
        return out.flip().toString();
    }

    /** Where the decoded prefix ends is where the bad bytes start. */
    private static ProblemException notText(String prefix, Charset charset) {
        int line = 1 + (int) prefix.chars().filter(c -> c == '\n').count();
        int column = prefix.length() - prefix.lastIndexOf('\n');
        String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
        return ProblemException.malformed("", "invalid " + name + ": the body is not " + name
                + " encoded text (line " + line + ", column " + column + ")");
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("", "unsupported charset in Content-Type");
        }
    }
}
