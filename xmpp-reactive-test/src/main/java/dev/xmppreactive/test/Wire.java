package dev.xmppreactive.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ordered write side of one connection: every write, from any thread, is queued as a task on the
 * connection's event loop, so that writes leave in the order they were made (a direct write from the
 * event loop could overtake a task queued by another thread). An optional delay postpones each write,
 * order still kept: while delayed writes wait, every later write queues behind them. Thread-safe.
 */
final class Wire {

  private final ChannelHandlerContext ctx;
  private final EventExecutor loop;
  /** Writes waiting for their time, dues in order; guarded by this. */
  private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();
  private long delayNanos;

  Wire(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.loop = ctx.executor();
  }

  /** Writes and flushes an object the encoder knows (header, element, stanza, stream end). */
  void write(Object o) {
    submit(() -> ctx.writeAndFlush(o));
  }

  /** Writes raw UTF-8 text, past the encoder. */
  void writeRaw(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    submit(() -> ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes)));
  }

  /**
   * How long a connection stays open after the server ended its stream, for the client's own
   * {@code </stream:stream>} (RFC 6120 §4.4), before the server closes it anyway.
   */
  static final Duration LINGER = Duration.ofSeconds(3);

  /**
   * Writes the objects (ending with {@code </stream:stream>}), then waits for the client to close its
   * stream too, at most {@link #LINGER}, and closes the connection.
   */
  void writeAndLinger(Object... objects) {
    submit(() -> {
      for (Object o : objects) {
        ctx.write(o);
      }
      ctx.flush();
      loop.schedule(() -> {
        ctx.channel().close();
      }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
    });
  }

  /** Closes the connection once the writes queued before are done. */
  void closeAfterWrites() {
    submit(() -> ctx.channel().close());
  }

  /** Writes the objects, then closes the connection once they are flushed. */
  void writeAndClose(Object... objects) {
    submit(() -> {
      for (int i = 0; i < objects.length - 1; i++) {
        ctx.write(objects[i]);
      }
      Object last = objects.length == 0 ? Unpooled.EMPTY_BUFFER : objects[objects.length - 1];
      ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    });
  }

  /** Closes the connection now, past any queued writes: an abrupt end. */
  void closeNow() {
    ctx.channel().close();
  }

  /** Whether the connection is open. */
  boolean isOpen() {
    return ctx.channel().isOpen();
  }

  synchronized void delay(Duration delay) {
    this.delayNanos = delay.toNanos();
  }

  private synchronized void submit(Runnable task) {
    if (delayNanos == 0 && delayed.isEmpty()) {
      loop.execute(task);
      return;
    }
    long due = System.nanoTime() + delayNanos;
    if (!delayed.isEmpty()) {
      due = Math.max(due, delayed.peekLast().due);
    }
    delayed.addLast(new Delayed(due, task));
    if (delayed.size() == 1) {
      scheduleDrain(due);
    }
  }

  private void scheduleDrain(long due) {
    loop.schedule(this::drain, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Runs the delayed writes that are due, in order, and waits for the next. */
  private void drain() {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      while (!delayed.isEmpty() && delayed.peekFirst().due - now <= 0) {
        due.add(delayed.pollFirst().task);
      }
      if (!delayed.isEmpty()) {
        scheduleDrain(delayed.peekFirst().due);
      }
    }
    due.forEach(Runnable::run);
  }

  private record Delayed(long due, Runnable task) {
  }
}
