package dev.xmppreactive.servers;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of Prosody's admin socket ({@code mod_admin_socket}, what {@code prosodyctl shell} uses):
 * an XML stream over a Unix domain socket carrying {@code <repl-input>} lines and
 * {@code <repl-result>} answers. A line that starts with {@code >} is Lua run inside the server,
 * which is how the harness creates thousands of accounts in one call.
 *
 * <p>One connection, one command at a time (the methods are synchronized); it reconnects once if the
 * connection broke.
 */
final class ProsodyAdmin implements AutoCloseable {
  private static final String OPEN = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
      + " xmlns='xmpp:prosody.im/admin' version='1.0'>";
  private static final Pattern RESULT = Pattern.compile(
      "<repl-result(\\s+type=['\"]error['\"])?\\s*(?:/>|>(.*?)</repl-result>)", Pattern.DOTALL);
  private static final int MAX_ANSWER = 4 * 1024 * 1024;

  private final Path socket;
  private SocketChannel channel;
  private Selector selector;
  private final StringBuilder pending = new StringBuilder();
  private final ByteBuffer inbound = ByteBuffer.allocate(64 * 1024);
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

  ProsodyAdmin(Path socket) {
    this.socket = socket;
  }

  /**
   * Runs one console line and returns the text of its result.
   *
   * @throws ServerCommandException if the server answers with an error, or does not answer in time
   */
  synchronized String run(String line, Duration timeout) {
    try {
      if (channel == null) {
        connect();
      }
      return exchange(line, timeout);
    } catch (IOException first) {
      closeQuietly();
      try {
        connect();
        return exchange(line, timeout);
      } catch (IOException second) {
        closeQuietly();
        second.addSuppressed(first);
        throw new ServerCommandException("Prosody's admin socket " + socket + " failed: " + second, second);
      }
    }
  }

  private void connect() throws IOException {
    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    pending.setLength(0);
    inbound.clear();
    decoder.reset();
    write(OPEN);
  }

  private String exchange(String line, Duration timeout) throws IOException {
    write("<repl-input>" + escape(line) + "</repl-input>");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher matcher = RESULT.matcher(pending);
      if (matcher.find()) {
        boolean error = matcher.group(1) != null;
        String text = matcher.group(2) == null ? "" : unescape(matcher.group(2));
        pending.delete(0, matcher.end());
        if (error) {
          throw new ServerCommandException("Prosody refused the command: " + text);
        }
        return text;
      }
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        closeQuietly();
        throw new ServerCommandException("Prosody did not answer within " + timeout);
      }
      selector.select(remaining);
      selector.selectedKeys().clear();
      if (channel.read(inbound) < 0) {
        throw new IOException("the admin socket was closed");
      }
      inbound.flip();
      CharBuffer chars = CharBuffer.allocate(inbound.remaining());
      decoder.decode(inbound, chars, false);
      inbound.compact();
      pending.append(chars.flip());
      if (pending.length() > MAX_ANSWER) {
        throw new IOException("the answer exceeds " + MAX_ANSWER + " characters");
      }
    }
  }

  private void write(String text) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) {
      if (channel.write(out) == 0) {
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (selector != null) {
        selector.close();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    } finally {
      selector = null;
      channel = null;
    }
  }

  /** Escapes text for XML character data. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Reverses the escapes Prosody's serializer produces. */
  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&amp;", "&");
  }

  /**
   * A Lua string literal for any Java string: its UTF-8 bytes, each outside a safe set written as a
   * decimal escape, so that nothing a caller passes can end the literal.
   */
  static String lua(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
          || c == '_' || c == '@') {
        out.append((char) c);
      } else {
        out.append('\\').append(String.format("%03d", c));
      }
    }
    return out.append('"').toString();
  }
}
