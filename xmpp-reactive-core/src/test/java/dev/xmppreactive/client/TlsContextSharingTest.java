package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.tls.JsseProvider;
import dev.xmppreactive.tls.ResumingTlsServer;
import dev.xmppreactive.tls.TlsException;
import dev.xmppreactive.tls.TlsProtocol;
import dev.xmppreactive.tls.TlsSettings;
import dev.xmppreactive.tls.TlsTrust;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * One TLS context per client: built once, shared by all connections of the client and of its copies
 * that keep its TLS settings; TLS sessions are resumed with the same server, and a connection for
 * another domain still gets the full certificate and identity checks.
 */
class TlsContextSharingTest {

  private static final Duration T = Duration.ofSeconds(20);
  private static final String ME = "anon@example.test/r1";

  @TempDir
  Path dir;

  private XmppClient client(ScriptedServer server, ResumingTlsServer tls, JsseProvider provider,
                            TlsProtocol... protocols) {
    TlsSettings settings = TlsSettings.defaults().withTrust(TlsTrust.pemFiles(tls.caPem())).withProvider(provider);
    return server.client().tls(protocols.length == 0 ? settings : settings.withProtocols(protocols))
        .directTls(true);
  }

  /**
   * BouncyCastle's JSSE (1.84) resumes TLS 1.2 sessions but offers no TLS 1.3 resumption, so with it
   * the resumption is seen on TLS 1.2; the JDK's resumes both.
   */
  @ParameterizedTest
  @CsvSource({"JDK, TLS_1_3", "JDK, TLS_1_2", "BOUNCY_CASTLE, TLS_1_2"})
  void connectionsOfOneClientAndItsCopiesShareOneContext(JsseProvider provider, TlsProtocol protocol) {
    ResumingTlsServer tls = ResumingTlsServer.forDomain(ScriptedServer.DOMAIN, dir);
    try (ScriptedServer server = ScriptedServer.startDirectTls(tls::engine, p -> p.loginAndBind(ME))) {
      XmppClient client = client(server, tls, provider, protocol);
      XmppClient copy = client.connectTimeout(Duration.ofSeconds(5)).lang("en");
      assertThat(copy.tlsContext()).isSameAs(client.tlsContext());
      assertThat(client.tls(TlsSettings.defaults()).tlsContext()).isNotSameAs(client.tlsContext());

      XmppSession first = client.connect().block(T);
      int full = tls.fullHandshakes();
      XmppSession second = copy.connect().block(T);
      assertThat(first.jid()).isEqualTo(Jid.of(ME));
      assertThat(second.jid()).isEqualTo(Jid.of(ME));
      assertThat(full).isPositive();
      assertThat(tls.fullHandshakes()).as("the second connection resumed the first's TLS session")
          .isEqualTo(full);
      assertThat(ClientProbe.tls(second).protocol()).isEqualTo(protocol.jsseName());
      assertThat(ClientProbe.tls(second).peerCertificates()).isNotEmpty();
      first.close().block(T);
      second.close().block(T);
    }
  }

  @ParameterizedTest
  @EnumSource(JsseProvider.class)
  void aConnectionForAnotherDomainIsStillCheckedAfterOneWasEstablished(JsseProvider provider) {
    ResumingTlsServer tls = ResumingTlsServer.forDomain(ScriptedServer.DOMAIN, dir);
    try (ScriptedServer server = ScriptedServer.startDirectTls(tls::engine, p -> p.loginAndBind(ME))) {
      XmppClient client = client(server, tls, provider);
      XmppSession first = client.connect().block(T);
      assertThat(first.jid()).isEqualTo(Jid.of(ME));
      // The same server, host and port, and the same TLS context, for a domain its certificate
      // does not name: refused, although a TLS session with this server is in the context's cache.
      XmppClient other = client.jid(Jid.domain("other.test"));
      assertThat(other.tlsContext()).isSameAs(client.tlsContext());
      StepVerifier.create(other.connect())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TlsException.class,
              te -> assertThat(te.reason()).isEqualTo(TlsException.Reason.IDENTITY_MISMATCH)))
          .verify(T);
      first.close().block(T);
    }
  }
}
