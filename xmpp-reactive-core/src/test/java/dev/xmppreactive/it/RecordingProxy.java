package dev.xmppreactive.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on the loopback interface between a client and a server, recording what the client
 * sends: the way a test sees what goes over the wire (for example, that nothing but TLS records
 * follows {@code <starttls/>}). Blocking sockets, two daemon threads per connection; it records at
 * most {@link #LIMIT} bytes a connection. Closing it closes every connection.
 */
final class RecordingProxy implements AutoCloseable {

  /** The most bytes recorded per connection. */
  static final int LIMIT = 1 << 20;

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();

  private RecordingProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  /** Starts a proxy to that address. */
  static RecordingProxy to(String host, int port) {
    try {
      return new RecordingProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** How many connections clients opened so far. */
  int connections() {
    return links.size();
  }

  /** The bytes the client sent on the n-th connection (from 0), so far. */
  byte[] clientBytes(int n) {
    return links.get(n).fromClient.bytes();
  }

  /**
   * Waits until the client has closed (or reset) the n-th connection.
   *
   * @return whether it did within the timeout
   */
  boolean awaitClientClosed(int n, Duration timeout) throws InterruptedException {
    return links.get(n).clientDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        Link link = new Link(client, server);
        links.add(link);
        pump(client, server, link.fromClient, link.clientDone, "c2s");
        pump(server, client, null, new CountDownLatch(1), "s2c");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, Recording rec, CountDownLatch done, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (rec != null) {
            rec.add(buf, n);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side closed or reset; either way this direction is over
      } finally {
        done.countDown();
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-" + name + "-" + from.getPort());
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    for (Link l : links) {
      closeQuietly(l.client);
      closeQuietly(l.server);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing to do
    }
  }

  private record Link(Socket client, Socket server, Recording fromClient, CountDownLatch clientDone) {
    Link(Socket client, Socket server) {
      this(client, server, new Recording(), new CountDownLatch(1));
    }
  }

  /** A bounded record of bytes. */
  private static final class Recording {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    synchronized void add(byte[] b, int n) {
      int room = LIMIT - out.size();
      out.write(b, 0, Math.min(room, n));
    }

    synchronized byte[] bytes() {
      return out.toByteArray();
    }
  }
}
