package dev.xmppreactive.stream;

import java.util.Map;
import java.util.Objects;

/**
 * The opening {@code <stream:stream>} tag of an XML stream, RFC 6120 §4.7.
 *
 * @param from       the 'from' attribute, or {@code null}
 * @param to         the 'to' attribute, or {@code null}
 * @param id         the stream id the receiving entity assigned (§4.7.3), or {@code null}
 * @param version    the 'version' attribute (§4.7.5), or {@code null} (pre-1.0 peer)
 * @param lang       the {@code xml:lang} attribute (§4.7.4), or {@code null}
 * @param namespaces the namespace declarations of the header, prefix to URI; {@code ""} is the
 *                   content namespace ({@code jabber:client}, §4.8.2), {@code "stream"} the stream
 *                   namespace ({@code http://etherx.jabber.org/streams}, §4.8.1)
 */
public record StreamHeader(String from, String to, String id, String version, String lang,
                           Map<String, String> namespaces) {

  /** The stream namespace, RFC 6120 §4.8.1. */
  public static final String STREAM_NS = "http://etherx.jabber.org/streams";

  /** The content namespace of client-to-server streams, RFC 6120 §4.8.2. */
  public static final String CLIENT_NS = "jabber:client";

  /** The content namespace of server-to-server streams. */
  public static final String SERVER_NS = "jabber:server";

  public StreamHeader {
    namespaces = Map.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
  }

  /** A header as a client sends it: {@code to} the server's domain, version 1.0, jabber:client. */
  public static StreamHeader client(String to, String from, String lang) {
    return new StreamHeader(from, to, null, "1.0", lang,
        Map.of("", CLIENT_NS, "stream", STREAM_NS));
  }

  /** A header as a server sends it in reply. */
  public static StreamHeader server(String from, String to, String id, String lang) {
    return new StreamHeader(from, to, id, "1.0", lang,
        Map.of("", CLIENT_NS, "stream", STREAM_NS));
  }

  /** The content namespace (the default namespace of the header), or {@code ""}. */
  public String contentNamespace() {
    return namespaces.getOrDefault("", "");
  }
}
