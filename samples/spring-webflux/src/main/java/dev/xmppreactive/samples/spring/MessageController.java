package dev.xmppreactive.samples.spring;

import dev.xmppreactive.client.OutboundOverflowException;
import dev.xmppreactive.client.SessionClosedException;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.jid.JidFormatException;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The HTTP side: {@code GET /messages} streams received messages as Server-Sent Events, and
 * {@code POST /messages} sends one.
 */
@RestController
public class MessageController {

  /** How often an idle event stream gets a comment, so that proxies do not close it. */
  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  /** How long a POST waits for the XMPP server to take the message. */
  static final Duration SEND_WAIT = Duration.ofSeconds(10);

  private final ManagedXmppSession xmpp;
  private final MessageFeed feed;

  /** The controller of this session and its feed. */
  public MessageController(ManagedXmppSession xmpp, MessageFeed feed) {
    this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  /**
   * Received messages as they arrive: first a {@code connected} comment (once it is sent, the
   * stream is listening), then one {@code message} event a message, its data a {@link ChatMessage},
   * its id the stanza's (if it has one); a comment every {@link #HEARTBEAT} while idle.
   *
   * <p>Threading: on the XMPP connection's event loop and the heartbeat's timer. Backpressure: each
   * stream has the feed's bounded buffer ({@link MessageFeed#BUFFER}). Errors: none; completes when
   * the application stops.
   */
  // tag::spring-sse[]
  @GetMapping(path = "/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<ChatMessage>> messages() {
    Flux<ServerSentEvent<ChatMessage>> messages = feed.messages()
        .map(MessageController::event);
    Mono<ServerSentEvent<ChatMessage>> connected =
        Mono.just(ServerSentEvent.<ChatMessage>builder().comment("connected").build());
    Flux<ServerSentEvent<ChatMessage>> heartbeat = Flux.interval(HEARTBEAT)
        .map(i -> ServerSentEvent.<ChatMessage>builder().comment("heartbeat").build());
    // merge subscribes in order: the feed first, so that "connected" goes out once it listens.
    return Flux.merge(messages, connected, heartbeat)
        .takeUntilOther(feed.ended().thenReturn(true));
  }
  // end::spring-sse[]

  /** A message as an event: named {@code message}, with the stanza's id when it has one. */
  private static ServerSentEvent<ChatMessage> event(Message m) {
    ServerSentEvent.Builder<ChatMessage> e = ServerSentEvent.builder(ChatMessage.of(m))
        .event("message");
    return (m.id() != null ? e.id(m.id()) : e).build();
  }

  /**
   * Sends a message and answers {@code 202 Accepted} once the XMPP server has taken it.
   *
   * <p>Threading: on the XMPP connection's event loop. Backpressure: one value. Errors, as HTTP
   * statuses: 400 for a missing or invalid recipient or body; 503 when the session is not running or
   * its outbound queue is full; 504 when the server does not take it within {@link #SEND_WAIT}.
   */
  // tag::spring-post[]
  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<SendResult> send(@RequestBody SendRequest request) {
    Message message = message(request);
    return Mono.defer(() -> xmpp.session().sendAcked(message))
        .timeout(SEND_WAIT)
        .thenReturn(new SendResult(message.id(), message.to().toString()))
        .onErrorMap(IllegalStateException.class, e -> unavailable(e))
        .onErrorMap(SessionClosedException.class, e -> unavailable(e))
        .onErrorMap(OutboundOverflowException.class, e -> unavailable(e))
        .onErrorMap(TimeoutException.class, e -> new ResponseStatusException(
            HttpStatus.GATEWAY_TIMEOUT, "the XMPP server did not take the message in time", e));
  }
  // end::spring-post[]

  private static Message message(SendRequest r) {
    if (r.to() == null || r.to().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'to' is required");
    }
    if (r.body() == null || r.body().isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'body' is required");
    }
    Jid to;
    try {
      to = Jid.of(r.to());
    } catch (JidFormatException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'to' is not a JID: "
          + e.getMessage(), e);
    }
    Message.Type type = switch (r.type() == null ? "chat" : r.type().toLowerCase(Locale.ROOT)) {
      case "chat" -> Message.Type.CHAT;
      case "normal" -> Message.Type.NORMAL;
      case "headline" -> Message.Type.HEADLINE;
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "'type' is chat, normal or headline: " + r.type());
    };
    return Message.builder().to(to).type(type).id(UUID.randomUUID().toString()).body(r.body())
        .build();
  }

  private static ResponseStatusException unavailable(Throwable e) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e);
  }
}
