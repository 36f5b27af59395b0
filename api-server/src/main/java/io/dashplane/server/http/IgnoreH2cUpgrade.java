package io.dashplane.server.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Java's HttpClient (and others) send {@code Upgrade: h2c} on cleartext requests by default. Grizzly
 * without its HTTP/2 module treats any request carrying an Upgrade header as an upgraded raw stream and
 * stops honouring Content-Length, so such a POST hangs until the read times out. RFC 9110 lets a server
 * ignore Upgrade; this add-on swaps in an HTTP codec that drops {@code Upgrade: h2c} before the request
 * is interpreted, so those clients simply continue with HTTP/1.1.
 */
public final class IgnoreH2cUpgrade implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            return;
        }
        builder.set(index, new Codec(listener));
    }

    private static final class Codec extends HttpServerFilter {
        // Same settings as Grizzly's own codec (HttpServer.configureListener); idle connections are
        // handled by the listener's idle-timeout filter, hence no delayed executor.
        Codec(NetworkListener listener) {
            super(listener.isChunkingEnabled(), listener.getMaxHttpHeaderSize() == -1
                            ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize(),
                    null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                    listener.getMaxResponseHeaders());
        }

        @Override
        protected void onHttpHeadersParsed(HttpHeader header, MimeHeaders headers, FilterChainContext ctx) {
            String upgrade = header.getUpgrade();
            if (upgrade != null && upgrade.trim().equalsIgnoreCase("h2c")) {
                header.getUpgradeDC().recycle();
            }
            super.onHttpHeadersParsed(header, headers, ctx);
        }
    }
}
