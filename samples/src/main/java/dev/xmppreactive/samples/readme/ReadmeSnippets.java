package dev.xmppreactive.samples.readme;

import dev.xmppreactive.client.BlockingXmppClient;
import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppHandler;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import java.nio.file.Path;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The README's code, compiled and run by the build (ReadmeSnippetsTest runs each against the test
 * kit's server). Each snippet is the text between {@code // tag::NAME[]} and {@code // end::NAME[]};
 * the README copies them as they are. The four ways to write the same echo bot, and how to reach a
 * real server.
 */
public final class ReadmeSnippets {

  private ReadmeSnippets() {
  }

  /**
   * Connecting to a real server: the account, and how to find and trust the server.
   *
   * @param jid      the account, as {@code juliet@example.com}
   * @param password its password
   * @param host     the server's host
   * @param port     its port
   * @param caPem    the PEM file of the CA to trust
   * @return the session, connected
   */
  public static XmppSession realServer(String jid, String password, String host, int port,
                                       Path caPem) {
    // tag::real-server[]
    XmppClient client = XmppClient.create()
        .credentials(jid, password)     // SASL: the strongest mechanism both sides offer
        .host(host).port(port)          // leave both out to find the server through DNS SRV records
        .trust(caPem);                  // leave out to trust what the JDK's trust store trusts
    XmppSession session = client.connect()  // TCP, STARTTLS, SASL, resource binding
        .block(Duration.ofSeconds(30));
    session.events()                        // Connected, Suspended, Resumed, Reconnected, Closed
        .filter(e -> !(e instanceof SessionEvent.Connected))
        .subscribe(e -> System.err.println("session: " + e));
    // end::real-server[]
    return session;
  }

  /**
   * The reactive pipeline: the bot is an operator chain over the session's messages; disposing it
   * closes the session.
   *
   * @param client a client with its credentials and server
   * @return what stops the bot and closes its session
   */
  public static Disposable reactive(XmppClient client) {
    // tag::reactive[]
    return Flux.usingWhen(client.connect(),     // the session, closed when the bot stops
            session -> session.messages()
                .filter(m -> m.body() != null && m.type() != Message.Type.ERROR)
                .concatMap(m -> session.send(Message.builder()
                    .to(m.from()).type(m.type()).thread(m.thread())
                    .body(m.body())
                    .build())),
            XmppSession::close)
        .subscribe();
    // end::reactive[]
  }

  /**
   * The functional handler, as Reactor Netty's {@code handle((in, out) -> ...)}: the returned
   * publisher bounds the session.
   *
   * @param client a client with its credentials and server
   * @return the session, connected and served
   */
  public static XmppSession functional(XmppClient client) {
    // tag::functional[]
    XmppSession session = client
        .handle((in, out) -> in.messages()
            .filter(m -> m.body() != null && m.type() != Message.Type.ERROR)
            .concatMap(m -> out.send(Message.chat(m.from(), m.body()))))
        .connect()
        .block(Duration.ofSeconds(30));
    // end::functional[]
    return session;
  }

  // tag::handler[]
  /** The brief's handler style: override what you need; each method runs on a worker, in order. */
  static final class EchoHandler implements XmppHandler {
    @Override
    public void onMessage(XmppSession session, Message m) {
      if (m.body() != null && m.type() != Message.Type.ERROR) {
        session.send(Message.chat(m.from(), m.body())).subscribe();
      }
    }
  }
  // end::handler[]

  /**
   * The brief's handler style.
   *
   * @param client a client with its credentials and server
   * @return the session, connected
   */
  public static XmppSession handler(XmppClient client) {
    // tag::handler-connect[]
    XmppSession session = client.handler(new EchoHandler())
        .connect()
        .block(Duration.ofSeconds(30));
    // end::handler-connect[]
    return session;
  }

  /**
   * The blocking facade: no Reactor in sight.
   *
   * @param base     a client with the trust, and the domain if it is not the host's name
   * @param host     the server's host
   * @param port     its port
   * @param user     the account's username
   * @param password its password
   * @param bot      whom to talk to
   * @return the bot's answer, or {@code null} if none came in five seconds
   * @throws InterruptedException if interrupted while waiting for the answer
   */
  public static String blocking(XmppClient base, String host, int port, String user,
                                String password, Jid bot) throws InterruptedException {
    // tag::blocking[]
    try (BlockingXmppClient c = new BlockingXmppClient(base)) {
      c.connect(host, port);                      // TCP, stream, STARTTLS
      c.auth(user, password);                     // SASL, resource binding, initial presence
      c.sendMessage(Message.chat(bot, "Hello, bot"));
      Message reply = c.pollMessage(Duration.ofSeconds(5));
      return reply == null ? null : reply.body();
    }
    // end::blocking[]
  }
}
