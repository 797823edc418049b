package dev.xmppreactive.roster.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on the loopback interface whose connections a test can cut, as a network failure
 * would (no {@code </stream:stream>}, no stream error): the way to make a client lose its
 * connection to a real server. It keeps listening after a cut, so the client can reconnect.
 * Blocking sockets, two daemon threads per connection.
 */
final class CutProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private CutProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "cut-proxy-" + listener.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  /** A proxy to that address. */
  static CutProxy to(String host, int port) {
    try {
      return new CutProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** Cuts every connection open now. */
  void cut() {
    for (Socket s : sockets) {
      close(s);
    }
    sockets.clear();
  }

  @Override
  public void close() {
    close(listener);
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // closed, or the server refused: the client sees its connection fail
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // cut
      } finally {
        close(from);
        close(to);
      }
    }, "cut-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
