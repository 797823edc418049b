package dev.xmppreactive.client;

import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.stanza.Stanza;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.scheduler.Scheduler;

/**
 * Drains the session's {@link OutboundQueue} into one connection, on the connection's event loop.
 *
 * <p>Backpressure: it writes while the channel is writable (below Netty's write-buffer high-water
 * mark) and, with Stream Management, while fewer than the bound of stanzas await acknowledgement;
 * then it stops, and starts again when Netty says the channel is writable or an ack arrives. So a slow
 * server slows the queue, the queue's bound slows the senders, and memory stays bounded.
 *
 * <p>Completion of a {@code send}: when its write succeeds. With Stream Management, a write that
 * fails (the connection died) is not an error: the stanza is in the unacknowledged queue and will be
 * sent again after reconnection; its {@code send} completes then. A {@code sendAcked} completes when
 * the server acknowledges the stanza (XEP-0198 §4), or on the write where SM is off.
 *
 * <p>Acknowledgement requests ({@code <r/>}) go out after {@link SmSettings#ackEvery()} stanzas, when
 * the unacknowledged queue is full, and {@link SmSettings#ackInterval()} after a write leaves stanzas
 * unacknowledged.
 */
final class OutboundWriter extends ChannelInboundHandlerAdapter {

  /** The name of this handler in the pipeline (it listens for writability changes). */
  static final String NAME = "xmpp-outbound-writer";

  /** How many writes go out between flushes at most. */
  private static final int FLUSH_EVERY = 128;

  private final Channel channel;
  private final OutboundQueue<Stanza> queue;
  private final SmState sm;
  private final Scheduler timer;
  private final ArrayDeque<OutboundQueue.Entry<Stanza>> first = new ArrayDeque<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean ackTimerArmed = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private volatile boolean stopped;

  OutboundWriter(Channel channel, OutboundQueue<Stanza> queue, SmState sm, Scheduler timer) {
    this.channel = channel;
    this.queue = queue;
    this.sm = sm;
    this.timer = timer;
  }

  /**
   * Starts draining: first {@code before} (stanzas to send again, in order), then the queue. The
   * caller has put this handler in the pipeline (under {@link #NAME}) so that it hears writability.
   */
  void start(List<OutboundQueue.Entry<Stanza>> before) {
    channel.eventLoop().execute(() -> {
      first.addAll(before);
      queue.onEnqueue(this::schedule);
      drain();
    });
  }

  /**
   * Stops draining; what is still queued stays queued (for the next connection). Stanzas to send
   * again that never got out go back to the SM state, behind the unacknowledged ones (which they
   * follow), to be sent again on the next stream. Called on the event loop (the session learns of a
   * lost connection there), that happens before this returns, so before any reconnection can take
   * the SM state's resend list; from another thread it is handed to the event loop.
   */
  void stop() {
    stopped = true;
    queue.onEnqueue(() -> { });
    if (channel.eventLoop().inEventLoop()) {
      giveBack();
    } else {
      channel.eventLoop().execute(this::giveBack);
    }
  }

  private void giveBack() {
    if (!first.isEmpty()) {
      sm.giveBack(List.copyOf(first));
      first.clear();
    }
  }

  void schedule() {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(drainTask);
    }
  }

  /** Writes a nonza (an ack or ack request) at once, outside the stanza order. */
  void writeNonza(Object nonza) {
    if (!stopped) {
      channel.writeAndFlush(nonza, channel.voidPromise());
    }
  }

  private void drain() {
    scheduled.set(false);
    if (stopped || !channel.isActive()) {
      return;
    }
    int since = 0;
    boolean wrote = false;
    while (channel.isWritable() && !sm.full()) {
      OutboundQueue.Entry<Stanza> e = first.pollFirst();
      if (e == null) {
        e = queue.poll();
        if (e == null) {
          break;
        }
      }
      write(e);
      wrote = true;
      if (sm.takeRequestDue()) {
        channel.write(SmElements.request(), channel.voidPromise());
      }
      if (++since == FLUSH_EVERY) {
        channel.flush();
        since = 0;
      }
    }
    if (sm.full() && sm.takeRequestDue()) {
      channel.write(SmElements.request(), channel.voidPromise());
      wrote = true;
    }
    if (wrote) {
      channel.flush();
      armAckTimer();
    }
    if ((queue.size() > 0 || !first.isEmpty()) && channel.isWritable() && !sm.full()) {
      schedule(); // more came while we flushed
    }
  }

  private void write(OutboundQueue.Entry<Stanza> e) {
    Stanza s = e.value();
    boolean smOn = sm.active();
    if (smOn) {
      sm.sent(e);
    }
    if (e.done() == null) {
      channel.write(s, channel.voidPromise());
      queue.written(s);
      return;
    }
    channel.write(s).addListener(f -> {
      if (f.isSuccess()) {
        queue.written(s);
        if (!(smOn && e.ackWanted())) {
          e.done().success();
        }
      } else if (!smOn) {
        e.done().error(f.cause());
      }
      // With SM a failed write is sent again after reconnection; the sender waits for that.
    });
  }

  /** After {@code ackInterval}, ask for an ack if stanzas still wait for one. */
  private void armAckTimer() {
    if (!sm.active() || !ackTimerArmed.compareAndSet(false, true)) {
      return;
    }
    Duration d = sm.settings().ackInterval();
    timer.schedule(() -> {
      if (stopped || !channel.isActive()) {
        return; // the connection is gone (and its event loop may be shut down): nothing to ask
      }
      try {
        channel.eventLoop().execute(() -> {
          ackTimerArmed.set(false);
          if (!stopped && channel.isActive() && sm.takeRequestForWaiting()) {
            channel.writeAndFlush(SmElements.request(), channel.voidPromise());
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException loopShutDown) {
        // the client's event loops were disposed after the connection was checked
      }
    }, d.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** An ack arrived: acknowledged entries' senders complete, and writing may go on. */
  void acked(List<OutboundQueue.Entry<Stanza>> entries) {
    for (OutboundQueue.Entry<Stanza> e : entries) {
      if (e.done() != null) {
        e.done().success();
      }
    }
    schedule();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      schedule();
    }
    ctx.fireChannelWritabilityChanged();
  }
}

