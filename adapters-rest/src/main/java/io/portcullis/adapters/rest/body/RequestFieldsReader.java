package io.portcullis.adapters.rest.body;

import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads any request body into {@link RequestFields}: JSON, form-encoded or multipart, as DRF's
 * three default parsers do. An empty body is an empty object whatever its content type.
 */
public final class RequestFieldsReader implements MessageBodyReader<RequestFields> {

    private final long limit;

    @Inject
    public RequestFieldsReader(RestSettings settings) {
        this.limit = settings.maxRequestBytes();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RequestFields.class;
    }

    @Override
    public RequestFields readFrom(Class<RequestFields> type, Type genericType, Annotation[] annotations,
            MediaType ignored, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = entity.readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw RequestBodyRejected.tooLarge(limit);
        }
        if (body.length == 0) {
            return RequestFields.EMPTY;
        }
        // The raw header, not Jersey's parse of it: the 415 message repeats it as the client sent it.
        String contentType = Optional.ofNullable(headers.getFirst(HttpHeaders.CONTENT_TYPE)).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        var params = HeaderParameters.parse(contentType);
        Optional<String> charset = Optional.ofNullable(params.get("charset"));
        if (mediaType.equals(MediaType.APPLICATION_JSON) || (mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            return JsonFields.parse(jsonText(body, charset));
        }
        if (mediaType.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
            return FormFields.parse(body, charset);
        }
        if (mediaType.equals(MediaType.MULTIPART_FORM_DATA)) {
            return MultipartFields.parse(body, Optional.ofNullable(params.get("boundary")));
        }
        throw RequestBodyRejected.unsupportedMediaType(contentType);
    }

    private static String jsonText(byte[] body, Optional<String> charset) {
        try {
            return TextDecoding.decode(body, charset);
        } catch (TextDecoding.Undecodable e) {
            throw RequestBodyRejected.malformed("JSON parse error - " + e.getMessage());
        }
    }
}
