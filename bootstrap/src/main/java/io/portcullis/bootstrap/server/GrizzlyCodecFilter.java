package io.portcullis.bootstrap.server;

import java.util.regex.Pattern;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 codec with two changes.
 *
 * <ul>
 *   <li>A request carrying {@code Upgrade} (curl's {@code --http2} and Java's HttpClient send
 *       {@code Upgrade: h2c} on plain http) is served as the ordinary HTTP/1.1 request it also is.
 *       Grizzly would otherwise switch the connection to raw pass-through, never deliver the body
 *       to Jersey, and the client would wait forever. Portcullis supports no upgrade, and RFC 9110
 *       lets a server ignore the header.
 *   <li>A request line Grizzly would let through to Jersey although it is malformed (a control
 *       character, a space or a bad percent escape in the target, which Jersey would turn into a
 *       500) or would answer 505 (anything after the target that is not an HTTP version) is
 *       refused with 400, as Jetty does.
 *   <li>The answers the codec gives on its own, to a request it cannot parse (a bad header, a bad
 *       request line, an unsupported version), carry a JSON body instead of none.
 * </ul>
 *
 * <p>{@link #addOn()} puts it in place of the codec {@code HttpServer} builds, with the same
 * settings.
 */
final class GrizzlyCodecFilter extends HttpServerFilter {

    /** RFC 9112 HTTP-version: a version that is well formed but not 1.x deserves 505, anything else 400. */
    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    @SuppressWarnings("deprecation") // the constructor HttpServer itself uses
    private GrizzlyCodecFilter(NetworkListener listener) {
        super(listener.isChunkingEnabled(),
                listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                        : listener.getMaxHttpHeaderSize(),
                null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
    }

    /** Replaces the listener's codec with this one when the listener builds its filter chain. */
    static AddOn addOn() {
        return GrizzlyCodecFilter::replaceCodec;
    }

    private static void replaceCodec(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("no HTTP codec in the filter chain of listener " + listener.getName());
        }
        var original = (HttpServerFilter) builder.get(index);
        var codec = new GrizzlyCodecFilter(listener);
        for (var encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        codec.setPreserveHeaderCase(original.isPreserveHeaderCase());
        codec.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        HttpProbe[] probes = original.getMonitoringConfig().getProbes();
        if (probes.length > 0) {
            codec.getMonitoringConfig().addProbes(probes);
        }
        builder.set(index, codec);
    }

    /** Forgets the upgrade offer: the request goes on as plain HTTP/1.1, its body decoded as usual. */
    @Override
    protected void onIncomingUpgrade(FilterChainContext ctx, HttpHeader httpHeader) {
        httpHeader.getUpgradeDC().recycle();
        httpHeader.getHeaders().removeHeader(Header.Upgrade);
        httpHeader.getHeaders().removeHeader(Header.HTTP2Settings);
        httpHeader.setIgnoreContentModifiers(false);
    }

    /** Refuses the malformed request lines Grizzly itself would let through to Jersey. */
    @Override
    protected boolean onHttpHeaderParsed(HttpHeader httpHeader, Buffer buffer, FilterChainContext ctx) {
        boolean refused = super.onHttpHeaderParsed(httpHeader, buffer, ctx);
        var request = (HttpRequestPacket) httpHeader;
        HttpResponsePacket response = request.getResponse();
        if (refused) {
            if (response.getStatus() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505.getStatusCode()
                    && !HTTP_VERSION.matcher(request.getProtocolDC().toString()).matches()) {
                HttpStatus.BAD_REQUEST_400.setValues(response);
            }
            return true;
        }
        if (request.getProtocolDC().isNull() || request.getProtocolDC().getLength() == 0) {
            // an HTTP/0.9 request line, without a version; the refusal itself goes out as HTTP/1.1
            request.setProtocol(Protocol.HTTP_1_1);
            return refuse(request, HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505);
        }
        String path = request.getRequestURIRef().getRequestURIBC().toString();
        boolean originForm = path.startsWith("/") || path.equals("*");
        if (!originForm || !RequestTargets.isValidPath(path)
                || !RequestTargets.isValidQuery(request.getQueryStringDC().toString())) {
            return refuse(request, HttpStatus.BAD_REQUEST_400);
        }
        return false;
    }

    private static boolean refuse(HttpRequestPacket request, HttpStatus status) {
        request.getProcessingState().setError(true);
        status.setValues(request.getResponse());
        return true;
    }

    /** The answer to a request the codec refused (the connection is closed after it). */
    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        byte[] body = ErrorBody.bytes(response.getStatus(), response.getReasonPhrase());
        response.setContentType(ErrorBody.CONTENT_TYPE);
        response.setContentLength(body.length);
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }
}
