package dev.xmppreactive.servers;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * A TCP proxy on the loopback interface, between a client under test and a real server, that injects
 * network faults: it cuts connections (at a random byte of the traffic in flight, so inside a stanza
 * or a TLS record as often as not), delays traffic, or swallows it silently (a connection that stays
 * open but carries nothing, as a dead NAT mapping does). It also records, bounded, what clients send,
 * so a test can check what went over the wire.
 *
 * <p>Built on Reactor Netty: each direction is relayed as a {@code Flux<ByteBuf>} into the other
 * side's outbound, so the proxy keeps the peers' backpressure (a slow reader slows the writer; the
 * proxy never buffers without bound). Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

  /** The most bytes recorded per connection from the client. */
  public static final int RECORD_LIMIT = 1 << 20;

  /** How long a cut waits for traffic to cut inside of before it closes the connection anyway. */
  private static final Duration CUT_GRACE = Duration.ofMillis(30);

  private final String targetHost;
  private final int targetPort;
  private final DisposableServer server;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final Scheduler timer = Schedulers.newSingle("fault-proxy-timer", true);
  private final SplittableRandom random;
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean swallow;
  private volatile Duration[] lifetime;
  private final AtomicInteger cuts = new AtomicInteger();

  private FaultProxy(String targetHost, int targetPort, long seed) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.random = new SplittableRandom(seed);
    this.server = TcpServer.create()
        .host("127.0.0.1")
        .port(0)
        .handle((in, out) -> {
          Connection[] client = new Connection[1];
          in.withConnection(c -> client[0] = c);
          return TcpClient.create().host(targetHost).port(targetPort).connect()
              .flatMap(upstream -> {
                Link link = new Link(client[0], upstream);
                links.add(link);
                Duration[] life = lifetime;
                if (life != null) {
                  long lo = life[0].toNanos();
                  long span = Math.max(1, life[1].toNanos() - lo);
                  timer.schedule(link::cut, lo + nextLong(span), TimeUnit.NANOSECONDS);
                }
                Mono<Void> c2s = upstream.outbound().send(relay(in, link, true), b -> true).then();
                Mono<Void> s2c = out.send(relay(upstream.inbound(), link, false), b -> true).then();
                return Mono.firstWithSignal(c2s, s2c)
                    .onErrorResume(e -> Mono.empty())
                    .doFinally(s -> link.kill());
              })
              .onErrorResume(e -> Mono.empty()); // the server refused: the client sees a close
        })
        .bindNow();
  }

  /** Starts a proxy to that address; cuts fall at random places drawn from {@code seed}. */
  public static FaultProxy to(String host, int port, long seed) {
    return new FaultProxy(host, port, seed);
  }

  /** Starts a proxy to that address with a fixed seed. */
  public static FaultProxy to(String host, int port) {
    return to(host, port, 198);
  }

  /** The host clients connect to. */
  public String host() {
    return "127.0.0.1";
  }

  /** The port clients connect to. */
  public int port() {
    return server.port();
  }

  /** How many connections clients opened so far. */
  public int connections() {
    return links.size();
  }

  /** How many cuts the proxy made so far. */
  public int cuts() {
    return cuts.get();
  }

  /** The bytes the client sent on the n-th connection (from 0), so far, up to {@link #RECORD_LIMIT}. */
  public byte[] clientBytes(int n) {
    return links.get(n).record.bytes();
  }

  /**
   * Waits until the n-th connection (from 0) is closed, by either side or by the proxy.
   *
   * @return whether it was within the timeout
   */
  public boolean awaitClosed(int n, Duration timeout) {
    try {
      links.get(n).closed.asMono().block(timeout);
      return true;
    } catch (IllegalStateException timedOut) {
      return false;
    }
  }

  /** Delays each chunk of traffic, both ways, by this much from now on ({@code ZERO}: none). */
  public void delay(Duration value) {
    this.delay = Objects.requireNonNull(value);
  }

  /** From now on, drops all traffic, both ways, and keeps the connections open; {@code false} ends it. */
  public void swallow(boolean value) {
    this.swallow = value;
  }

  /**
   * Cuts every open connection: the next chunk of traffic on it, either way, is passed on only up to
   * a random byte, and then both sides are closed; a connection that carries nothing is closed
   * after a few milliseconds.
   */
  public void cutAll() {
    for (Link l : links) {
      if (!l.isClosed()) {
        l.cut();
      }
    }
  }

  /**
   * Cuts every open connection again and again, at random intervals between {@code min} and
   * {@code max}, until the returned {@code Disposable} is disposed or the proxy is closed.
   */
  public Disposable cutEvery(Duration min, Duration max) {
    long lo = min.toNanos();
    long span = Math.max(1, max.toNanos() - lo);
    return Flux.defer(() -> Mono.delay(Duration.ofNanos(lo + nextLong(span)), timer)
            .doOnNext(t -> cutAll()))
        .repeat()
        .subscribe();
  }

  /**
   * Cuts each connection, from now on, at a random time between {@code min} and {@code max} after
   * it opened (as {@link #cutAll()} does, inside the traffic in flight): every connection lives that
   * long and no longer. {@code null} for either stops it for connections opened later.
   */
  public void cutEachAfter(Duration min, Duration max) {
    this.lifetime = min == null || max == null ? null : new Duration[] {min, max};
  }

  private synchronized long nextLong(long bound) {
    return random.nextLong(bound);
  }

  private synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /**
   * The chunks of one direction, as they are to be written to the other side.
   *
   * <p>Buffer ownership: each chunk's inner is {@code Mono.just(..).hide()}, never a bare
   * {@code Mono.just}. For a bare scalar inner, {@code concatMap} (reactor-core 3.8) uses a "weak"
   * subscription whose {@code cancel()} hands its value to the discard hook even after it was
   * emitted (reactor/reactor-core PR #4352, open): when a cut cancels the send, the hook then
   * released a buffer Netty had already written and released. The buffer was by then recycled by the
   * pooled allocator, which this JVM's clients share, so the second release freed a client's buffer
   * (seen as IllegalReferenceCountException from the client's SslHandler.handlerRemoved, and a
   * risk of corrupt TLS input). With {@code hide()}, the inner's subscription discards only what it
   * did not emit.
   */
  private Flux<ByteBuf> relay(NettyInbound in, Link link, boolean fromClient) {
    return in.receive().retain().concatMap(buf -> {
      if (fromClient) {
        link.record.add(buf);
      }
      if (swallow || link.isCutting()) {
        buf.release();
        return Mono.empty();
      }
      Mono<ByteBuf> out;
      if (link.takeCut()) {
        int keep = buf.readableBytes() <= 1 ? 0 : nextInt(buf.readableBytes());
        ByteBuf prefix = buf.retainedSlice(buf.readerIndex(), keep);
        buf.release();
        // pass the prefix on, then close both sides just after it was written
        timer.schedule(link::kill, 5, TimeUnit.MILLISECONDS);
        out = Mono.just(prefix).hide();
      } else {
        out = Mono.just(buf).hide();
      }
      Duration d = delay;
      return d.isZero() ? out : out.delayElement(d, timer)
          .doOnDiscard(ByteBuf.class, ByteBuf::release);
    }).doOnDiscard(ByteBuf.class, b -> {
      // Only what was not emitted comes here; the check is for a source that released a buffer
      // itself before discarding it (it cannot tell a buffer recycled since: see above).
      if (b.refCnt() > 0) {
        b.release();
      }
    });
  }

  /** Closes every connection and stops listening. */
  @Override
  public void close() {
    server.disposeNow();
    for (Link l : links) {
      l.kill();
    }
    timer.dispose();
  }

  /** One proxied connection. */
  private final class Link {
    final Connection client;
    final Connection upstream;
    final Recording record = new Recording();
    final Sinks.Empty<Void> closed = Sinks.empty();
    private boolean cutPending;
    private boolean cutting;
    private boolean dead;

    Link(Connection client, Connection upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    synchronized void cut() {
      if (!cutPending && !cutting && !dead) {
        cutPending = true;
        cuts.incrementAndGet();
        timer.schedule(this::kill, CUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    /** Whether the next chunk is the one to cut inside of (only one chunk is cut). */
    synchronized boolean takeCut() {
      if (cutPending) {
        cutPending = false;
        cutting = true;
        return true;
      }
      return false;
    }

    synchronized boolean isCutting() {
      return cutting;
    }

    synchronized boolean isClosed() {
      return dead;
    }

    void kill() {
      synchronized (this) {
        if (dead) {
          return;
        }
        dead = true;
      }
      client.dispose();
      upstream.dispose();
      closed.tryEmitEmpty();
    }
  }

  /** A bounded record of bytes. */
  private static final class Recording {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    synchronized void add(ByteBuf b) {
      int n = Math.min(RECORD_LIMIT - out.size(), b.readableBytes());
      if (n > 0) {
        byte[] copy = new byte[n];
        b.getBytes(b.readerIndex(), copy);
        out.write(copy, 0, n);
      }
    }

    synchronized byte[] bytes() {
      return out.toByteArray();
    }
  }
}
