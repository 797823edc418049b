package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A deliberately primitive XMPP client for testing the harness: plain Java sockets, strings and
 * regular expressions, no XMPP library. Reads with a socket timeout, so nothing hangs.
 */
final class RawXmpp implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 15_000;
  private static final Pattern MECHANISM = Pattern.compile("<mechanism>([^<]+)</mechanism>");

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final StringBuilder received = new StringBuilder();

  private RawXmpp(Socket socket) throws IOException {
    use(socket);
  }

  /** A plain TCP connection (for STARTTLS). */
  static RawXmpp plain(XmppServer server, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(server.host(), port), TIMEOUT_MILLIS);
    return new RawXmpp(socket);
  }

  /**
   * A TLS connection from the first byte (XEP-0368) that trusts only {@code anchor} and checks the
   * certificate against the server's domain (not the IP address it connects to).
   */
  static RawXmpp directTls(XmppServer server, X509Certificate anchor, String... protocols) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(server.host(), server.directTlsPort()), TIMEOUT_MILLIS);
    return new RawXmpp(tls(socket, server, anchor, protocols));
  }

  /** Negotiates STARTTLS (RFC 6120 §5.4) on a plain connection whose features offered it. */
  void startTls(XmppServer server, X509Certificate anchor) throws IOException {
    send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    readUntil("<proceed");
    readUntil("/>");
    received.setLength(0);
    use(tls(socket, server, anchor));
  }

  /** Wraps a connected socket in TLS; {@code protocols} restricts the versions (e.g. {@code TLSv1.2}). */
  private static SSLSocket tls(Socket socket, XmppServer server, X509Certificate anchor, String... protocols)
      throws IOException {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("anchor", anchor);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      SSLSocket ssl = (SSLSocket) context.getSocketFactory()
          .createSocket(socket, server.domain(), socket.getPort(), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(server.domain())));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (protocols.length > 0) {
        parameters.setProtocols(protocols);
      }
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(TIMEOUT_MILLIS);
      ssl.startHandshake();
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private void use(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(TIMEOUT_MILLIS);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Opens the stream (RFC 6120 §4.2) and returns everything up to the end of the stream features. */
  String openStream(String domain) throws IOException {
    received.setLength(0);
    send("<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xml:lang='en'"
        + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    return readUntil("</stream:features>");
  }

  /**
   * Authenticates with SASL PLAIN (RFC 4616) and returns the server's answer: {@code <success .../>}
   * or {@code <failure ...>...</failure>}.
   */
  String authPlain(String local, String password) throws IOException {
    String credentials = Base64.getEncoder()
        .encodeToString(("\0" + local + "\0" + password).getBytes(StandardCharsets.UTF_8));
    send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
    String answer = readUntilAny("<success", "<failure");
    if (answer.endsWith("<success")) {
      return "<success" + readUntilAny("/>", "</success>");
    }
    return "<failure" + readUntil("</failure>");
  }

  /** Binds a resource (RFC 6120 §7) on a stream opened after SASL success; returns the result IQ. */
  String bind(String resource) throws IOException {
    send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
        + "</resource></bind></iq>");
    return readUntil("</iq>");
  }

  /** Sends a raw string. */
  void send(String xml) throws IOException {
    out.write(xml.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads until {@code marker} has arrived; returns what arrived up to and including it, and drops it. */
  String readUntil(String marker) throws IOException {
    return readUntilAny(marker);
  }

  /** Reads until one of the markers has arrived; returns what arrived up to and including the first one. */
  String readUntilAny(String... markers) throws IOException {
    byte[] buffer = new byte[8192];
    while (true) {
      int end = -1;
      for (String marker : markers) {
        int at = received.indexOf(marker);
        if (at >= 0 && (end < 0 || at + marker.length() < end)) {
          end = at + marker.length();
        }
      }
      if (end >= 0) {
        String text = received.substring(0, end);
        received.delete(0, end);
        return text;
      }
      int read;
      try {
        read = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new IOException("no " + String.join(" or ", markers) + " within " + TIMEOUT_MILLIS + " ms; got: "
            + received, e);
      }
      if (read < 0) {
        throw new IOException("connection closed before " + String.join(" or ", markers) + "; got: " + received);
      }
      received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
  }

  /** Reads until the server closes the connection; returns what arrived. */
  String readToEnd() throws IOException {
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
    String text = received.toString();
    received.setLength(0);
    return text;
  }

  /** The SASL mechanisms a features element offers. */
  static List<String> mechanisms(String features) {
    List<String> names = new ArrayList<>();
    Matcher matcher = MECHANISM.matcher(features);
    while (matcher.find()) {
      names.add(matcher.group(1).trim());
    }
    return names;
  }

  /** The TLS session's protocol, e.g. {@code TLSv1.3}. */
  String tlsProtocol() {
    return ((SSLSocket) socket).getSession().getProtocol();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
