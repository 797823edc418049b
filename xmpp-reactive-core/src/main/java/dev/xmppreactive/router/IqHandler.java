package dev.xmppreactive.router;

import dev.xmppreactive.stanza.Iq;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Answers IQ requests (get or set, RFC 6120 §8.2.3) whose payload has a given name. Registered per
 * client with {@code XmppClient.iqHandler(namespace, localName, handler)}.
 *
 * <p>The returned publisher gives the reply: a result or an error for this request (as
 * {@link Iq#resultReply()} and {@link Iq#errorReply} make). Empty means "not mine" and the request is
 * answered with {@code service-unavailable} (RFC 6120 §8.4). A thrown exception or an error signal is
 * answered with {@code internal-server-error} and logged, and the session goes on.
 *
 * <p>Threading: the handler is called on the client's handler scheduler (by default
 * {@code Schedulers.boundedElastic()}), never on the connection's event loop, so it may block.
 */
@FunctionalInterface
public interface IqHandler {

  /**
   * Answers one request.
   *
   * @param request a get or set
   * @return the reply, at most one
   */
  Publisher<Iq> handle(Iq request);

  /** A handler from a synchronous function; a {@code null} result means "not mine". */
  static IqHandler of(Function<? super Iq, ? extends Iq> f) {
    Objects.requireNonNull(f, "f");
    return request -> Mono.fromSupplier(() -> f.apply(request));
  }
}
