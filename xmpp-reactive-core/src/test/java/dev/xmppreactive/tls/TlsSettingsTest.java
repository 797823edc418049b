package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

  @Test
  void defaultsAreTheSecureOnes() {
    TlsSettings s = TlsSettings.defaults();
    assertThat(s.policy()).isEqualTo(TlsPolicy.REQUIRED);
    assertThat(s.policy().permitsCleartext()).isFalse();
    assertThat(s.trust()).isEqualTo(TlsTrust.jdkDefault());
    assertThat(s.protocols()).containsExactly(TlsProtocol.TLS_1_3, TlsProtocol.TLS_1_2);
    assertThat(s.provider()).isEqualTo(JsseProvider.BOUNCY_CASTLE);
    assertThat(s.alpn()).isTrue();
    assertThat(s.commonNameFallback()).isTrue();
    assertThat(s.clientKey()).isEmpty();
    assertThat(s.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void withersCopyAndLeaveTheOriginalAlone() {
    TlsSettings base = TlsSettings.defaults();
    TlsSettings changed = base.withPolicy(TlsPolicy.INSECURE_OPPORTUNISTIC).withProvider(JsseProvider.JDK)
        .withProtocols(TlsProtocol.TLS_1_3).withAlpn(false).withCommonNameFallback(false)
        .withHandshakeTimeout(Duration.ofSeconds(3)).withTrust(TlsTrust.pemFiles(Path.of("ca.pem")))
        .withClientKey(TlsClientKey.pem(Path.of("c.pem"), Path.of("c.key")));
    assertThat(changed.policy()).isEqualTo(TlsPolicy.INSECURE_OPPORTUNISTIC);
    assertThat(changed.policy().permitsCleartext()).isTrue();
    assertThat(changed.provider()).isEqualTo(JsseProvider.JDK);
    assertThat(changed.protocols()).containsExactly(TlsProtocol.TLS_1_3);
    assertThat(changed.alpn()).isFalse();
    assertThat(changed.commonNameFallback()).isFalse();
    assertThat(changed.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(changed.trust()).isEqualTo(TlsTrust.pemFiles(Path.of("ca.pem")));
    assertThat(changed.clientKey()).contains(TlsClientKey.pem(Path.of("c.pem"), Path.of("c.key")));
    assertThat(base).isSameAs(TlsSettings.defaults());
    assertThat(base.policy()).isEqualTo(TlsPolicy.REQUIRED);
    assertThat(changed.withClientKey(null).clientKey()).isEmpty();
  }

  @Test
  void protocolsAreKeptInPreferenceOrderWithoutDuplicates() {
    assertThat(TlsSettings.defaults().withProtocols(TlsProtocol.TLS_1_2, TlsProtocol.TLS_1_3, TlsProtocol.TLS_1_2)
        .protocols()).containsExactly(TlsProtocol.TLS_1_3, TlsProtocol.TLS_1_2);
  }

  @Test
  void versionsOlderThanTls12CannotBeConfigured() {
    for (String old : new String[] {"TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello"}) {
      assertThatThrownBy(() -> TlsProtocol.fromJsseName(old)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RFC 7525");
    }
    assertThatThrownBy(() -> TlsProtocol.fromJsseName("TLSv9")).isInstanceOf(IllegalArgumentException.class);
    assertThat(TlsProtocol.fromJsseName("tlsv1.2")).isEqualTo(TlsProtocol.TLS_1_2);
    assertThat(TlsProtocol.fromJsseName("TLSv1.3")).isEqualTo(TlsProtocol.TLS_1_3);
    assertThatThrownBy(() -> TlsSettings.defaults().withProtocols()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> TlsSettings.defaults().withHandshakeTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlsSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TlsSettings.defaults().withTrust(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TlsTrust.pemFiles()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void modesKnowTheirSrvServiceAndAlpn() {
    assertThat(TlsMode.STARTTLS.srvService()).isEqualTo("xmpp-client");
    assertThat(TlsMode.STARTTLS.alpnProtocol()).isEmpty();
    assertThat(TlsMode.DIRECT_TLS.srvService()).isEqualTo("xmpps-client");
    assertThat(TlsMode.DIRECT_TLS.alpnProtocol()).contains("xmpp-client");
  }

  @Test
  void insecurePoliciesSayTheyPermitCleartext() {
    assertThat(TlsPolicy.INSECURE_DISABLED.permitsCleartext()).isTrue();
    assertThat(TlsPolicy.INSECURE_OPPORTUNISTIC.permitsCleartext()).isTrue();
  }
}
