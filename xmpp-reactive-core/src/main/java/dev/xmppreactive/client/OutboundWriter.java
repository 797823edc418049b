package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Stanza;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the session's {@link OutboundQueue} into one connection, on the connection's event loop.
 *
 * <p>Backpressure: it writes while the channel is writable (below Netty's write-buffer high-water
 * mark) and flushes after each batch; when the channel is not writable it stops, and starts again when
 * Netty says it is writable. So a slow server slows the queue, the queue's bound slows the senders, and
 * memory stays bounded.
 *
 * <p>A stanza's {@code send} completes when its write succeeds (it is in the kernel's socket buffer);
 * if the write fails, the {@code send} fails with the cause.
 */
final class OutboundWriter extends ChannelInboundHandlerAdapter {

  /** The name of this handler in the pipeline (it listens for writability changes). */
  static final String NAME = "xmpp-outbound-writer";

  /** How many writes go out between flushes at most. */
  private static final int FLUSH_EVERY = 128;

  private final Channel channel;
  private final OutboundQueue<Stanza> queue;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private volatile boolean stopped;

  OutboundWriter(Channel channel, OutboundQueue<Stanza> queue) {
    this.channel = channel;
    this.queue = queue;
  }

  /**
   * Starts draining: becomes the queue's listener. The caller has put this handler in the pipeline
   * (under {@link #NAME}) so that it hears writability changes.
   */
  void start() {
    queue.onEnqueue(this::schedule);
    schedule();
  }

  /** Stops draining; what is still queued stays queued (for the next connection). */
  void stop() {
    stopped = true;
    queue.onEnqueue(() -> { });
  }

  void schedule() {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(drainTask);
    }
  }

  private void drain() {
    scheduled.set(false);
    if (stopped || !channel.isActive()) {
      return;
    }
    int since = 0;
    boolean wrote = false;
    while (channel.isWritable()) {
      OutboundQueue.Entry<Stanza> e = queue.poll();
      if (e == null) {
        break;
      }
      write(e);
      wrote = true;
      if (++since == FLUSH_EVERY) {
        channel.flush();
        since = 0;
      }
    }
    if (wrote) {
      channel.flush();
    }
    if (queue.size() > 0 && channel.isWritable()) {
      schedule(); // more came while we flushed
    }
  }

  private void write(OutboundQueue.Entry<Stanza> e) {
    Stanza s = e.value();
    if (e.done() == null) {
      channel.write(s, channel.voidPromise());
      queue.written(s);
      return;
    }
    channel.write(s).addListener(f -> {
      if (f.isSuccess()) {
        queue.written(s);
        e.done().success();
      } else {
        e.done().error(f.cause());
      }
    });
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      schedule();
    }
    ctx.fireChannelWritabilityChanged();
  }
}
