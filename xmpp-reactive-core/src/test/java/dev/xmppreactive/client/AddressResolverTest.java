package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Address resolution over real DNS messages, from a DNS server on loopback. */
class AddressResolverTest {

  private TestDnsServer dns;
  private AddressResolver resolver;

  @BeforeEach
  void start() throws Exception {
    dns = new TestDnsServer();
    resolver = new AddressResolver(DnsResolver.server("127.0.0.1", dns.port()),
        RandomGenerator.of("L64X128MixRandom"));
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  @Test
  void noSrvRecordsFallsBackToTheDomainOn5222() {
    StepVerifier.create(resolver.resolve("example.test"))
        .expectNext(List.of(new ConnectAddress("example.test", 5222, false)))
        .verifyComplete();
  }

  @Test
  void directTlsAndStarttlsRecordsAreMixedByPriority() {
    dns.put("_xmpps-client._tcp.example.test", new SrvRecord(5, 0, 5223, "tls.example.test"));
    dns.put("_xmpp-client._tcp.example.test", new SrvRecord(1, 0, 5222, "a.example.test"),
        new SrvRecord(10, 0, 5222, "b.example.test"));
    StepVerifier.create(resolver.resolve("example.test"))
        .expectNext(List.of(new ConnectAddress("a.example.test", 5222, false),
            new ConnectAddress("tls.example.test", 5223, true),
            new ConnectAddress("b.example.test", 5222, false)))
        .verifyComplete();
  }

  @Test
  void aDotTargetRemovesThatServiceAndNeverFallsBack() {
    dns.put("_xmpps-client._tcp.example.test", new SrvRecord(0, 0, 0, "."));
    dns.put("_xmpp-client._tcp.example.test", new SrvRecord(0, 0, 5222, "xmpp.example.test"));
    StepVerifier.create(resolver.resolve("example.test"))
        .expectNext(List.of(new ConnectAddress("xmpp.example.test", 5222, false)))
        .verifyComplete();

    dns.put("_xmpp-client._tcp.example.test", new SrvRecord(0, 0, 0, "."));
    StepVerifier.create(resolver.resolve("example.test"))
        .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(XmppConnectException.class)
            .hasMessageContaining("no XMPP client service"));
  }

  @Test
  void weightsShareTheFirstPlaceInProportion() {
    dns.put("_xmpp-client._tcp.example.test", new SrvRecord(1, 90, 5222, "heavy.example.test"),
        new SrvRecord(1, 10, 5222, "light.example.test"));
    int heavyFirst = 0;
    for (int i = 0; i < 400; i++) {
      List<ConnectAddress> order = resolver.order("example.test", List.of(),
          List.of(new SrvRecord(1, 90, 5222, "heavy.example.test"),
              new SrvRecord(1, 10, 5222, "light.example.test")));
      assertThat(order).hasSize(2);
      if (order.get(0).host().equals("heavy.example.test")) {
        heavyFirst++;
      }
    }
    // Expected 90% of 400 = 360; the seeded generator makes this deterministic.
    assertThat(heavyFirst).isBetween(330, 390);
    StepVerifier.create(resolver.resolve("example.test"))
        .assertNext(l -> assertThat(l).extracting(ConnectAddress::host)
            .containsExactlyInAnyOrder("heavy.example.test", "light.example.test"))
        .verifyComplete();
  }

  @Test
  void anUnreachableDnsServerIsAnError() throws Exception {
    int port = dns.port();
    dns.close();
    AddressResolver dead = new AddressResolver(DnsResolver.server("127.0.0.1", port),
        RandomGenerator.getDefault());
    StepVerifier.create(dead.resolve("example.test")).expectError().verify(Duration.ofSeconds(60));
  }
}
