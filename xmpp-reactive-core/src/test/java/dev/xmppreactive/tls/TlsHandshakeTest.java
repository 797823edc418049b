package dev.xmppreactive.tls;

import dev.xmppreactive.sasl.ChannelBindingSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** Real TLS handshakes between this package's client handler and JDK or BouncyCastle servers. */
class TlsHandshakeTest {

  private static final String DOMAIN = "example.org";

  @TempDir
  static Path dir;
  private static TestPki.Issued ca;
  private static TestPki.Issued otherCa;
  private static Path caPem;
  private static final java.security.KeyPair RSA_KEYS = TestPki.keys("RSA");

  @BeforeAll
  static void setUp() {
    ca = TestPki.ca("Test Root");
    otherCa = TestPki.ca("Unknown Root");
    caPem = TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.cert()));
  }

  static Stream<Arguments> providers() {
    return Stream.of(
        Arguments.of(JsseProvider.BOUNCY_CASTLE, JsseProvider.BOUNCY_CASTLE),
        Arguments.of(JsseProvider.BOUNCY_CASTLE, JsseProvider.JDK),
        Arguments.of(JsseProvider.JDK, JsseProvider.BOUNCY_CASTLE),
        Arguments.of(JsseProvider.JDK, JsseProvider.JDK));
  }

  private static TlsSettings trusting(JsseProvider client) {
    return TlsSettings.defaults().withProvider(client).withTrust(TlsTrust.pemFiles(caPem));
  }

  private static TlsPair connect(TlsSettings settings, TlsMode mode, String domain, TestServer server) {
    return TlsPair.handshake(XmppTlsContext.create(settings).newHandler(mode, domain, 5222), server.engine());
  }

  private static TlsException failure(TlsPair pair) {
    assertThat(pair.clientTls.handshakeFuture().isDone()).as("client handshake finished").isTrue();
    assertThat(pair.clientTls.handshakeFuture().isSuccess()).as("client handshake succeeded").isFalse();
    return TlsFailures.classify(pair.clientTls.handshakeFuture().cause());
  }

  private static void assertSucceeded(TlsPair pair) {
    assertThat(pair.clientTls.handshakeFuture().isSuccess())
        .as("client handshake: %s", pair.clientTls.handshakeFuture().cause()).isTrue();
    assertThat(pair.serverTls.handshakeFuture().isSuccess())
        .as("server handshake: %s", pair.serverTls.handshakeFuture().cause()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void trustedChainWithMatchingIdentityConnectsWithTls13(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TestServer testServer = TestServer.of(server, leaf);
    TlsPair pair = connect(trusting(client), TlsMode.STARTTLS, DOMAIN, testServer);
    assertSucceeded(pair);
    TlsSessionInfo info = TlsSessionInfo.of(pair.clientTls.engine());
    assertThat(info.protocol()).isEqualTo("TLSv1.3");
    assertThat(info.peerCertificates().get(0)).isEqualTo(leaf.cert());
    assertThat(pair.clientSends("<stream:stream to='example.org'>")).containsExactly("<stream:stream to='example.org'>");
    assertThat(testServer.sniSeen()).containsExactly(DOMAIN);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void rsaServerCertificateWorksOnTls13And12(JsseProvider client, JsseProvider server) {
    // TLS 1.3 signs with RSASSA-PSS for RSA keys; BouncyCastle over the JDK's JCA alone cannot (it looks
    // for BouncyCastle's PSS names), which is why XmppTlsContext gives it a fallback provider.
    serverKeyWorks(client, server, RSA_KEYS);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(JsseProvider.class)
  void ed25519ServerCertificateWorksOnTls13And12(JsseProvider client) {
    // Against the JDK's server only: BouncyCastle's server side cannot sign with a JDK EdDSA key (a
    // limitation of the test server, not of the client under test).
    serverKeyWorks(client, JsseProvider.JDK, TestPki.keys("Ed25519"));
  }

  private static void serverKeyWorks(JsseProvider client, JsseProvider server, java.security.KeyPair keys) {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).keys(keys).issuedBy(ca);
    for (String version : List.of("TLSv1.3", "TLSv1.2")) {
      TlsPair pair = connect(trusting(client), TlsMode.STARTTLS, DOMAIN, TestServer.of(server, leaf).protocols(version));
      assertSucceeded(pair);
      assertThat(pair.clientTls.engine().getSession().getProtocol()).isEqualTo(version);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void tls12ServerIsAccepted(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(client), TlsMode.STARTTLS, DOMAIN,
        TestServer.of(server, leaf).protocols("TLSv1.2"));
    assertSucceeded(pair);
    assertThat(pair.clientTls.engine().getSession().getProtocol()).isEqualTo("TLSv1.2");
    assertThat(pair.clientTls.engine().getSession().getCipherSuite()).matches("TLS_ECDHE_ECDSA_WITH_.*_(GCM_SHA\\d+|POLY1305_SHA256)");
  }

  @ParameterizedTest
  @MethodSource("providers")
  void chainFromAnUnknownCaIsRefusedAsUntrusted(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().subject("CN=Mallory").dns(DOMAIN).issuedBy(otherCa);
    TlsPair pair = connect(trusting(client), TlsMode.STARTTLS, DOMAIN, TestServer.of(server, leaf));
    TlsException e = failure(pair);
    assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED_CERTIFICATE);
    assertThat(e.certificateSubjects()).first().isEqualTo("CN=Mallory");
    assertThat(e.detail()).get().asString().isNotBlank();
    assertThat(pair.serverTls.handshakeFuture().isSuccess()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void expiredCertificateIsRefusedAsUntrusted(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).expired().issuedBy(ca);
    TlsException e = failure(connect(trusting(client), TlsMode.STARTTLS, DOMAIN, TestServer.of(server, leaf)));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED_CERTIFICATE);
    if (client == JsseProvider.JDK) {
      // The JDK's validator says why; BouncyCastle's path builder only says it found no valid path.
      assertThat(e.detail()).get().asString().contains("EXPIRED");
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void certificateForAnotherDomainIsRefusedAsIdentityMismatch(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().dns("evil.example").issuedBy(ca);
    TlsPair pair = connect(trusting(client), TlsMode.STARTTLS, DOMAIN, TestServer.of(server, leaf));
    TlsException e = failure(pair);
    assertThat(e.reason()).isEqualTo(TlsException.Reason.IDENTITY_MISMATCH);
    assertThat(e.expectedDomain()).contains(DOMAIN);
    assertThat(e.presentedIdentities()).contains("DNS:evil.example");
    // The client refused inside the handshake: the server never completed it, so no XMPP byte went out.
    assertThat(pair.serverTls.handshakeFuture().isSuccess()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void serverSelectingTls11IsRefusedAsProtocolTooOld(JsseProvider client, JsseProvider ignored) {
    TlsPair pair = TlsPair.rawServer(XmppTlsContext.create(trusting(client)).newHandler(TlsMode.STARTTLS, DOMAIN, 5222));
    ByteBuf clientHello = pair.takeClientBytes();
    assertThat(clientHello.getByte(0)).as("handshake record").isEqualTo((byte) 0x16);
    clientHello.release();
    pair.serverSendsRaw(tls11ServerHello());
    TlsException e = failure(pair);
    assertThat(e.reason()).isEqualTo(TlsException.Reason.PROTOCOL_TOO_OLD);
  }

  @Test
  void silentServerFailsTheHandshakeAfterTheTimeoutOnTheChannelsClock() {
    TlsSettings settings = trusting(JsseProvider.BOUNCY_CASTLE).withHandshakeTimeout(java.time.Duration.ofSeconds(3));
    TlsPair pair = TlsPair.rawServer(XmppTlsContext.create(settings).newHandler(TlsMode.DIRECT_TLS, DOMAIN, 5223));
    pair.takeClientBytes().release();
    pair.client.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
    pair.client.runScheduledPendingTasks();
    assertThat(pair.clientTls.handshakeFuture().isDone()).isFalse();
    pair.client.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
    pair.client.runScheduledPendingTasks();
    TlsException e = failure(pair);
    assertThat(e.reason()).isEqualTo(TlsException.Reason.HANDSHAKE_FAILED);
    assertThat(e.getMessage()).contains("timed out");
  }

  /** A ServerHello record that selects TLS 1.1 (0x0302). */
  private static byte[] tls11ServerHello() {
    byte[] hello = new byte[5 + 4 + 38];
    int i = 0;
    hello[i++] = 0x16;
    hello[i++] = 0x03;
    hello[i++] = 0x02;
    hello[i++] = 0x00;
    hello[i++] = 42;
    hello[i++] = 0x02;
    hello[i++] = 0x00;
    hello[i++] = 0x00;
    hello[i++] = 38;
    hello[i++] = 0x03;
    hello[i++] = 0x02;
    i += 32; // random
    hello[i++] = 0x00; // no session id
    hello[i++] = (byte) 0xc0;
    hello[i++] = 0x2b; // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
    hello[i] = 0x00; // no compression
    return hello;
  }

  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of("DNS-ID", TestPki.leaf().dns("chat.example.org")),
        Arguments.of("wildcard DNS-ID", TestPki.leaf().dns("*.example.org")),
        Arguments.of("SRV-ID", TestPki.leaf().srv("_xmpp-client.example.org", "_xmpp-client.chat.example.org")),
        Arguments.of("XmppAddr", TestPki.leaf().xmppAddr("chat.example.org")),
        Arguments.of("CN-ID", TestPki.leaf().subject("CN=chat.example.org")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void eachIdentityTypeIsAcceptedInARealHandshake(String type, TestPki.Leaf leaf) {
    TlsPair pair = connect(trusting(JsseProvider.BOUNCY_CASTLE), TlsMode.STARTTLS, "chat.example.org",
        TestServer.of(JsseProvider.JDK, leaf.issuedBy(ca)));
    assertSucceeded(pair);
  }

  @Test
  void wildcardDoesNotCoverTwoLabelsInARealHandshake() {
    TestPki.Issued leaf = TestPki.leaf().dns("*.example.org").issuedBy(ca);
    TlsException e = failure(connect(trusting(JsseProvider.BOUNCY_CASTLE), TlsMode.STARTTLS, "a.chat.example.org",
        TestServer.of(JsseProvider.BOUNCY_CASTLE, leaf)));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.IDENTITY_MISMATCH);
  }

  @Test
  void internationalisedDomainConnectsAndSendsTheALabelAsSni() {
    TestPki.Issued leaf = TestPki.leaf().dns("xn--bcher-kva.example").issuedBy(ca);
    TestServer server = TestServer.of(JsseProvider.BOUNCY_CASTLE, leaf);
    TlsPair pair = connect(trusting(JsseProvider.JDK), TlsMode.STARTTLS, "bücher.example", server);
    assertSucceeded(pair);
    assertThat(server.sniSeen()).containsExactly("xn--bcher-kva.example");
  }

  @ParameterizedTest
  @MethodSource("providers")
  void directTlsOffersAlpnXmppClient(JsseProvider client, JsseProvider server) {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(client), TlsMode.DIRECT_TLS, DOMAIN,
        TestServer.of(server, leaf).alpn("xmpp-client"));
    assertSucceeded(pair);
    assertThat(TlsSessionInfo.of(pair.clientTls.engine()).applicationProtocol()).isEqualTo("xmpp-client");
  }

  @Test
  void starttlsOffersNoAlpn() {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(JsseProvider.BOUNCY_CASTLE), TlsMode.STARTTLS, DOMAIN,
        TestServer.of(JsseProvider.JDK, leaf).alpn("xmpp-client"));
    assertSucceeded(pair);
    assertThat(TlsSessionInfo.of(pair.clientTls.engine()).applicationProtocol()).isEmpty();
  }

  @Test
  void directTlsWithoutAlpnWhenSettingsSaySo() {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(JsseProvider.BOUNCY_CASTLE).withAlpn(false), TlsMode.DIRECT_TLS, DOMAIN,
        TestServer.of(JsseProvider.JDK, leaf).alpn("xmpp-client"));
    assertSucceeded(pair);
    assertThat(TlsSessionInfo.of(pair.clientTls.engine()).applicationProtocol()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void clientCertificateFromPemIsPresentedForSaslExternal(JsseProvider client, JsseProvider server) throws Exception {
    TestPki.Issued clientCa = TestPki.ca("Client CA");
    TestPki.Issued clientLeaf = TestPki.leaf().subject("CN=juliet").xmppAddr("juliet@example.org").issuedBy(clientCa);
    Path chain = TestPki.writeCertificates(dir.resolve("client-" + client + server + ".pem"), clientLeaf.chain());
    Path key = TestPki.writeKey(dir.resolve("client-" + client + server + ".key"), clientLeaf.key());
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(client).withClientKey(TlsClientKey.pem(chain, key)), TlsMode.STARTTLS, DOMAIN,
        TestServer.of(server, leaf).requireClientCertificateFrom(clientCa));
    assertSucceeded(pair);
    // TLS 1.3 servers verify the client's Finished after the client is done; move the last bytes.
    pair.pump();
    assertThat(pair.clientSends("hello")).containsExactly("hello");
    assertThat(pair.serverTls.engine().getSession().getPeerCertificates()[0]).isEqualTo(clientLeaf.cert());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(JsseProvider.class)
  void rsaClientCertificateSignsOnTls13(JsseProvider client) throws Exception {
    TestPki.Issued clientCa = TestPki.ca("RSA Client CA");
    TestPki.Issued clientLeaf = TestPki.leaf().subject("CN=romeo").keys(RSA_KEYS).issuedBy(clientCa);
    Path chain = TestPki.writeCertificates(dir.resolve("rsa-client-" + client + ".pem"), clientLeaf.chain());
    Path key = TestPki.writeKey(dir.resolve("rsa-client-" + client + ".key"), clientLeaf.key());
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair pair = connect(trusting(client).withClientKey(TlsClientKey.pem(chain, key)), TlsMode.STARTTLS, DOMAIN,
        TestServer.of(JsseProvider.JDK, leaf).requireClientCertificateFrom(clientCa));
    assertSucceeded(pair);
    pair.pump();
    assertThat(pair.clientSends("hello")).containsExactly("hello");
    assertThat(pair.serverTls.engine().getSession().getPeerCertificates()[0]).isEqualTo(clientLeaf.cert());
  }

  @Test
  void trustManagerFactoryTrustIsUsedAndStillChecksIdentity() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", ca.cert());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(ks);
    TlsSettings settings = TlsSettings.defaults().withTrust(TlsTrust.trustManagerFactory(tmf));
    TestPki.Issued good = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    assertSucceeded(connect(settings, TlsMode.STARTTLS, DOMAIN, TestServer.of(JsseProvider.JDK, good)));
    TestPki.Issued wrongName = TestPki.leaf().dns("evil.example").issuedBy(ca);
    assertThat(failure(connect(settings, TlsMode.STARTTLS, DOMAIN, TestServer.of(JsseProvider.JDK, wrongName))).reason())
        .isEqualTo(TlsException.Reason.IDENTITY_MISMATCH);
  }

  @Test
  void jdkDefaultTrustRefusesAPrivateCa() {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsException e = failure(connect(TlsSettings.defaults(), TlsMode.STARTTLS, DOMAIN,
        TestServer.of(JsseProvider.JDK, leaf)));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void insecureTrustAcceptsAnythingForDevelopment() {
    TestPki.Issued leaf = TestPki.leaf().dns("evil.example").issuedBy(otherCa);
    TlsSettings settings = TlsSettings.defaults().withTrust(TlsTrust.insecureTrustAnyCertificate());
    assertSucceeded(connect(settings, TlsMode.STARTTLS, DOMAIN, TestServer.of(JsseProvider.JDK, leaf)));
  }

  @Test
  void handshakeResultAsMono() {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsPair ok = connect(trusting(JsseProvider.BOUNCY_CASTLE), TlsMode.STARTTLS, DOMAIN, TestServer.of(JsseProvider.JDK, leaf));
    StepVerifier.create(TlsHandshake.result(ok.clientTls))
        .assertNext(info -> {
          assertThat(info.protocol()).isEqualTo("TLSv1.3");
          assertThat(info.channelBindings().availableTypes()).contains(ChannelBindingSource.TLS_SERVER_END_POINT);
        })
        .verifyComplete();
    TlsPair bad = connect(trusting(JsseProvider.BOUNCY_CASTLE), TlsMode.STARTTLS, "other.example",
        TestServer.of(JsseProvider.JDK, leaf));
    StepVerifier.create(TlsHandshake.result(bad.clientTls))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TlsException.class,
            t -> assertThat(t.reason()).isEqualTo(TlsException.Reason.IDENTITY_MISMATCH)))
        .verify();
  }

  @Test
  void engineOffersOnlyModernVersionsAndAeadSuites() {
    for (JsseProvider p : JsseProvider.values()) {
      var engine = XmppTlsContext.create(trusting(p)).newEngine(TlsMode.STARTTLS, DOMAIN, 5222);
      assertThat(engine.getUseClientMode()).isTrue();
      assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
      assertThat(engine.getEnabledCipherSuites()).isNotEmpty()
          .allMatch(s -> s.matches("TLS_(AES|CHACHA20).*|TLS_(ECDHE|DHE)_.*_(GCM_SHA\\d+|POLY1305_SHA256)|TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));
      assertThat(engine.getPeerHost()).isEqualTo(DOMAIN);
      List<String> suites = List.of(engine.getEnabledCipherSuites());
      int lastAes = -1;
      int firstChaCha = suites.size();
      for (int i = 0; i < suites.size(); i++) {
        if (suites.get(i).contains("CHACHA20")) {
          firstChaCha = Math.min(firstChaCha, i);
        } else if (suites.get(i).contains("_GCM_")) {
          lastAes = i;
        }
      }
      assertThat(lastAes).as("AES-GCM before ChaCha20 in %s", suites).isLessThan(firstChaCha);
      var tls13Only = XmppTlsContext.create(trusting(p).withProtocols(TlsProtocol.TLS_1_3))
          .newEngine(TlsMode.STARTTLS, DOMAIN, 5222);
      assertThat(tls13Only.getEnabledProtocols()).containsExactly("TLSv1.3");
    }
  }

  @Test
  void tls13OnlyClientRefusesTls12Server() {
    TestPki.Issued leaf = TestPki.leaf().dns(DOMAIN).issuedBy(ca);
    TlsException e = failure(connect(trusting(JsseProvider.BOUNCY_CASTLE).withProtocols(TlsProtocol.TLS_1_3),
        TlsMode.STARTTLS, DOMAIN, TestServer.of(JsseProvider.JDK, leaf).protocols("TLSv1.2")));
    assertThat(e.reason()).isEqualTo(TlsException.Reason.PROTOCOL_TOO_OLD);
  }
}
