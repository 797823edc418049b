package dev.xmppreactive.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot WebFlux application on an XMPP account: received messages stream to the browser as
 * Server-Sent Events ({@code GET /messages}), a {@code POST /messages} sends one, and the XMPP session
 * is a bean whose lifecycle Spring manages ({@link ManagedXmppSession}). Configure it with
 * {@code xmpp.*} properties ({@link XmppProperties}), or the environment: {@code XMPP_JID},
 * {@code XMPP_PASSWORD}, {@code XMPP_HOST}, {@code XMPP_PORT}, {@code XMPP_TRUST_PEM}.
 */
@SpringBootApplication
public class XmppWebFluxApplication {

  /**
   * Runs the application.
   *
   * @param args Spring Boot's arguments ({@code --xmpp.jid=...}, {@code --server.port=...})
   */
  public static void main(String[] args) {
    SpringApplication.run(XmppWebFluxApplication.class, args);
  }
}
