package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.xmppreactive.sasl.Gs2ChannelBinding.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaslSelectorTest {

  private static final byte[] DATA = {1, 2, 3};
  private static final SaslSettings PASSWORD = SaslSettings.password("juliet", "secret");
  /** What BouncyCastle's JSSE gives: every type the TLS version defines. */
  private static final ChannelBindingSource ALL = Features.source(Map.of("tls-exporter", DATA,
      "tls-unique", DATA, "tls-server-end-point", DATA));
  /** ejabberd 23.01 with auth_password_format: plain, no XEP-0440 (SERVERS.md). */
  private static final List<String> EJABBERD = List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS",
      "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-512-PLUS", "X-OAUTH2");

  private static SaslSelection select(SaslSettings s, SaslOffer offer, SaslChannel channel) {
    return SaslSelector.select(s, offer, channel);
  }

  private static SaslOffer offer(List<String> mechs, List<String> cbTypes) {
    return new SaslOffer(mechs, Optional.ofNullable(cbTypes));
  }

  @Test
  void strongestPlusVariantWithTheDefaultTypeOfTheTlsVersion() {
    SaslSelection tls13 = select(PASSWORD, offer(EJABBERD, null), SaslChannel.tls("TLSv1.3", ALL));
    assertThat(tls13.mechanism()).isEqualTo("SCRAM-SHA-512-PLUS");
    assertThat(tls13.channelBinding().flagText()).isEqualTo("p=tls-exporter");
    SaslSelection tls12 = select(PASSWORD, offer(EJABBERD, null), SaslChannel.tls("TLSv1.2", ALL));
    assertThat(tls12.channelBinding().flagText()).isEqualTo("p=tls-unique");
    assertThat(tls12.notChosen()).contains(entry("PLAIN", MechanismRefusal.WEAKER_THAN_CHOSEN),
        entry("X-OAUTH2", MechanismRefusal.NOT_IMPLEMENTED));
  }

  /** Prosody 0.12.3: SCRAM-SHA-1-PLUS with tls-unique on TLS 1.2 only (SERVERS.md). */
  @Test
  void prosodyLikeOffers() {
    SaslSelection tls12 = select(PASSWORD,
        offer(List.of("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "PLAIN"), null),
        SaslChannel.tls("TLSv1.2", ALL));
    assertThat(tls12.mechanism()).isEqualTo("SCRAM-SHA-1-PLUS");
    assertThat(tls12.channelBindingType()).isEqualTo("tls-unique");
    SaslSelection tls13 = select(PASSWORD, offer(List.of("SCRAM-SHA-1", "PLAIN"), null),
        SaslChannel.tls("TLSv1.3", ALL));
    assertThat(tls13.mechanism()).isEqualTo("SCRAM-SHA-1");
    assertThat(tls13.channelBinding().flag()).isEqualTo(Flag.Y);
  }

  /** Without XEP-0440 only the version's default type is tried: no guess at tls-server-end-point. */
  @Test
  void withoutXep0440AndWithoutTheDefaultTypeNoPlusIsUsed() {
    ChannelBindingSource endPointOnly = Features.source(Map.of("tls-server-end-point", DATA));
    SaslSelection s = select(PASSWORD, offer(EJABBERD, null),
        SaslChannel.tls("TLSv1.2", endPointOnly));
    assertThat(s.mechanism()).isEqualTo("SCRAM-SHA-512");
    assertThat(s.channelBinding().flag()).isEqualTo(Flag.N);
    assertThat(s.notChosen()).contains(
        entry("SCRAM-SHA-512-PLUS", MechanismRefusal.NO_CHANNEL_BINDING));
    assertThat(s.requireDowngradeProof()).isFalse();
  }

  @Test
  void xep0440ListPicksTheClientsFirstPreferenceThatTheServerListsAndTheStackGives() {
    List<String> mechs = List.of("SCRAM-SHA-256", "SCRAM-SHA-256-PLUS");
    assertThat(select(PASSWORD, offer(mechs, List.of("tls-server-end-point", "tls-exporter")),
        SaslChannel.tls("TLSv1.3", ALL)).channelBindingType()).isEqualTo("tls-exporter");
    assertThat(select(PASSWORD, offer(mechs, List.of("tls-server-end-point")),
        SaslChannel.tls("TLSv1.3", ALL)).channelBindingType()).isEqualTo("tls-server-end-point");
    // tls-unique is not defined for TLS 1.3 even when both sides list it (RFC 9266 §3)
    assertThat(select(PASSWORD, offer(mechs, List.of("tls-unique", "tls-server-end-point")),
        SaslChannel.tls("TLSv1.3", ALL)).channelBindingType()).isEqualTo("tls-server-end-point");
    assertThat(select(PASSWORD.withChannelBindingTypes(List.of("tls-server-end-point",
            "tls-exporter")), offer(mechs, List.of("tls-exporter", "tls-server-end-point")),
        SaslChannel.tls("TLSv1.3", ALL)).channelBindingType()).isEqualTo("tls-server-end-point");
  }

  @Test
  void noCommonTypeWithEndPointListedSendsN() {
    SaslSelection s = select(PASSWORD, offer(List.of("SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"),
        List.of("tls-unique", "tls-server-end-point")), SaslChannel.tls("TLSv1.3",
        Features.source(Map.of("tls-exporter", DATA))));
    assertThat(s.mechanism()).isEqualTo("SCRAM-SHA-256");
    assertThat(s.channelBinding().flag()).isEqualTo(Flag.N);
    assertThat(s.requireDowngradeProof()).isFalse();
  }

  @Test
  void typesListedWithoutAnyPlusMechanismAreADowngradeForScram() {
    SaslOffer stripped = offer(List.of("SCRAM-SHA-256", "PLAIN"), List.of("tls-exporter"));
    assertThatThrownBy(() -> select(PASSWORD, stripped, SaslChannel.tls("TLSv1.3", ALL)))
        .isInstanceOfSatisfying(SaslException.class,
            e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.DOWNGRADE_DETECTED));
    // a client that cannot bind has nothing to lose: "n"
    assertThat(select(PASSWORD, stripped, SaslChannel.tls("TLSv1.3", ChannelBindingSource.NONE))
        .channelBinding().flag()).isEqualTo(Flag.N);
    // PLAIN has no channel binding to strip (XEP-0474 §5 leaves it to pinning)
    assertThat(select(PASSWORD.withMechanisms(List.of("PLAIN")), stripped,
        SaslChannel.tls("TLSv1.3", ALL)).mechanism()).isEqualTo("PLAIN");
  }

  @Test
  void channelBindingTurnedOffSendsN() {
    SaslSelection s = select(PASSWORD.withChannelBindingTypes(List.of()), offer(EJABBERD, null),
        SaslChannel.tls("TLSv1.3", ALL));
    assertThat(s.mechanism()).isEqualTo("SCRAM-SHA-512");
    assertThat(s.channelBinding().flag()).isEqualTo(Flag.N);
  }

  @Test
  void plainIsNeverUsedWithoutTls() {
    assertThatThrownBy(() -> select(PASSWORD.withMechanisms(List.of("PLAIN")),
        SaslOffer.of("PLAIN"), SaslChannel.plaintext()))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.NO_ACCEPTABLE_MECHANISM);
          assertThat(e.offered()).containsExactly("PLAIN");
          assertThat(e.refusals()).containsExactly(entry("PLAIN", MechanismRefusal.NEEDS_TLS));
          assertThat(e.getMessage()).contains("PLAIN (needs TLS");
        });
  }

  @Test
  void withoutTlsScramIsUsedWithoutBindingAndTheRestIsRefused() {
    SaslSelection s = select(PASSWORD.withClientCertificate(true),
        offer(List.of("EXTERNAL", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN"), null),
        SaslChannel.plaintext());
    assertThat(s.mechanism()).isEqualTo("SCRAM-SHA-1");
    assertThat(s.channelBinding().flag()).isEqualTo(Flag.N);
    assertThat(s.notChosen()).containsOnly(entry("EXTERNAL", MechanismRefusal.NEEDS_TLS),
        entry("SCRAM-SHA-1-PLUS", MechanismRefusal.NEEDS_TLS),
        entry("PLAIN", MechanismRefusal.NEEDS_TLS));
  }

  @Test
  void externalFirstWhenACertificateIsConfigured() {
    SaslOffer o = offer(List.of("SCRAM-SHA-512-PLUS", "EXTERNAL"), null);
    assertThat(select(PASSWORD.withClientCertificate(true), o, SaslChannel.tls("TLSv1.3", ALL))
        .mechanism()).isEqualTo("EXTERNAL");
    assertThat(select(PASSWORD, o, SaslChannel.tls("TLSv1.3", ALL)).mechanism())
        .isEqualTo("SCRAM-SHA-512-PLUS");
    assertThatThrownBy(() -> select(SaslSettings.clientCertificate(), SaslOffer.of("PLAIN"),
        SaslChannel.tls("TLSv1.3", ALL)))
        .isInstanceOfSatisfying(SaslException.class, e -> assertThat(e.refusals())
            .containsExactly(entry("PLAIN", MechanismRefusal.NO_PASSWORD)));
  }

  @Test
  void anonymousOnlyWhenAskedFor() {
    SaslOffer o = SaslOffer.of("ANONYMOUS", "SCRAM-SHA-1");
    assertThat(select(SaslSettings.anonymous(), o, SaslChannel.plaintext()).mechanism())
        .isEqualTo("ANONYMOUS");
    assertThat(select(PASSWORD, o, SaslChannel.plaintext()).notChosen())
        .contains(entry("ANONYMOUS", MechanismRefusal.NOT_REQUESTED));
    assertThatThrownBy(() -> select(PASSWORD, SaslOffer.of("ANONYMOUS"), SaslChannel.plaintext()))
        .isInstanceOf(SaslException.class);
  }

  @Test
  void settingsRestrictTheMechanisms() {
    SaslSelection s = select(PASSWORD.withMechanisms(List.of("SCRAM-SHA-256", "PLAIN")),
        offer(EJABBERD, null), SaslChannel.tls("TLSv1.3", ALL));
    assertThat(s.mechanism()).isEqualTo("SCRAM-SHA-256");
    assertThat(s.notChosen()).contains(entry("SCRAM-SHA-512", MechanismRefusal.NOT_ALLOWED));
    assertThatThrownBy(() -> PASSWORD.withMechanisms(List.of("DIGEST-MD5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingOfferedIsATypedError() {
    assertThatThrownBy(() -> select(PASSWORD, SaslOffer.of(), SaslChannel.plaintext()))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.NO_ACCEPTABLE_MECHANISM);
          assertThat(e.getMessage()).contains("offered none");
          assertThat(e.isRetryable()).isFalse();
        });
  }

  @Test
  void theSourceIsAskedAtMostOncePerType() {
    List<String> asked = new ArrayList<>();
    ChannelBindingSource counting = type -> {
      asked.add(type);
      return Optional.empty();
    };
    select(PASSWORD, offer(EJABBERD, List.of("tls-exporter", "tls-unique", "tls-server-end-point")),
        SaslChannel.tls("TLSv1.2", counting));
    assertThat(asked).containsExactly("tls-exporter", "tls-unique", "tls-server-end-point");
  }

  @Test
  void channelNamesAreChecked() {
    assertThatThrownBy(() -> SaslChannel.tls("SSLv3", ALL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SaslChannel.tls("TLSv1.2", ALL).definesType("tls-unique")).isTrue();
    assertThat(SaslChannel.tls("TLSv1.3", ALL).definesType("tls-unique")).isFalse();
    assertThat(SaslChannel.plaintext().isTls()).isFalse();
  }
}
