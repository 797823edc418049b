package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** XEP-0474 (SASL SCRAM Downgrade Protection), checked against the XEP's §4.3 example. */
class DowngradeProtectionTest {

  private static final String NONCE = "12C4CD5C-E38E-4A98-8F6D-15C38F51CCC6";
  private static final byte[] FAKE_CB = "THIS IS FAKE CB DATA".getBytes(StandardCharsets.US_ASCII);
  /** The example's offer: SASL2 mechanisms and XEP-0440 types (the hash is the same for SASL1). */
  private static final SaslOffer EXAMPLE_OFFER = new SaslOffer(
      List.of("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"),
      Optional.of(List.of("tls-server-end-point", "tls-exporter")));
  /** The example's server-first, base64, exactly as in the XEP, whitespace and all. */
  private static final String EXAMPLE_CHALLENGE = "\n  cj0xMkM0Q0Q1Qy1FMzhFLTRBOTgtOEY2RC0xNUMz"
      + "OEY1MUNDQzZhMDkxMTdhNi1hYzUwLTRmMmYtOTNmMS05Mzc5OWMyYmRkZjYscz1RU1hDUitRNnNlazhiZjkyLGk9ND"
      + "A5NixoPUc2ay9yQkxEcWdPaFJSYUN1dWF0U0RGa0owOD0=\n";

  @Test
  void hashOfTheExampleOfferIsTheOneInTheXep() {
    assertThat(Ssdp.input(EXAMPLE_OFFER)).isEqualTo(
        "SCRAM-SHA-1\u001eSCRAM-SHA-1-PLUS\u001ftls-exporter\u001etls-server-end-point");
    assertThat(Base64.getEncoder().encodeToString(Ssdp.hash(ScramHash.SHA_1, EXAMPLE_OFFER)))
        .isEqualTo("G6k/rBLDqgOhRRaCuuatSDFkJ08=");
  }

  @Test
  void withoutXep0440TheChannelBindingPartIsLeftOut() {
    assertThat(Ssdp.input(SaslOffer.of("SCRAM-SHA-256", "PLAIN", "SCRAM-SHA-1")))
        .isEqualTo("PLAIN\u001eSCRAM-SHA-1\u001eSCRAM-SHA-256");
    assertThat(Ssdp.input(new SaslOffer(List.of("PLAIN"), Optional.of(List.of()))))
        .isEqualTo("PLAIN\u001f");
  }

  /** The example's numbers are self-consistent under our primitives (its client-final has x=…). */
  @Test
  void examplesProofAndSignatureFollowFromItsMessages() {
    String bare = "n=user,r=" + NONCE;
    String serverFirst = decode(EXAMPLE_CHALLENGE.strip());
    String withoutProof = "c=cD10bHMtZXhwb3J0ZXIsLFRISVMgSVMgRkFLRSBDQiBEQVRB,r=" + NONCE
        + "a09117a6-ac50-4f2f-93f1-93799c2bddf6,x=19C6532F-1CF4-4A27-A18D-DC9CEA41BBB3";
    byte[] auth = (bare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    ScramHash h = ScramHash.SHA_1;
    byte[] salted = h.hi(bytes("pencil"), Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096);
    byte[] clientKey = h.hmac(salted, bytes("Client Key"));
    byte[] proof = h.hmac(h.hash(clientKey), auth);
    for (int i = 0; i < proof.length; i++) {
      proof[i] ^= clientKey[i];
    }
    assertThat(Base64.getEncoder().encodeToString(proof)).isEqualTo("M/SIDjT+dfcxUh89jZEypRvFxB4=");
    assertThat(Base64.getEncoder().encodeToString(h.hmac(h.hmac(salted, bytes("Server Key")), auth)))
        .isEqualTo("MQrMPvv7yv4x4Cq4W4Ih25EqS2c=");
  }

  /**
   * The client replays the example: same client-first, same c= and r=; its proof differs only
   * because the example's client adds an x= attribute, so the example's v= must be refused and the
   * signature for this client's own messages accepted.
   */
  @Test
  void clientReplaysTheExampleAndVerifiesTheHash() {
    ScramClient c = exampleClient(EXAMPLE_OFFER, false);
    assertThat(new String(c.initialResponse(), StandardCharsets.UTF_8))
        .isEqualTo("p=tls-exporter,,n=user,r=" + NONCE);
    byte[] challenge = SaslElements.data(XmlElement.builder("challenge", SaslElements.NS)
        .text(EXAMPLE_CHALLENGE).build());
    String clientFinal = new String(c.evaluateChallenge(challenge), StandardCharsets.UTF_8);
    assertThat(clientFinal).startsWith("c=cD10bHMtZXhwb3J0ZXIsLFRISVMgSVMgRkFLRSBDQiBEQVRB,r="
        + NONCE + "a09117a6-ac50-4f2f-93f1-93799c2bddf6,p=");
    assertThat(c.downgradeProtection()).isEqualTo(DowngradeProtection.VERIFIED);
    ScramClient refusing = exampleClient(EXAMPLE_OFFER, false);
    refusing.initialResponse();
    refusing.evaluateChallenge(challenge);
    assertThatThrownBy(() -> refusing.succeed(bytes("v=MQrMPvv7yv4x4Cq4W4Ih25EqS2c=")))
        .isInstanceOfSatisfying(SaslException.class,
            e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_SIGNATURE_INVALID));

    String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
    byte[] auth = ("n=user,r=" + NONCE + "," + new String(challenge, StandardCharsets.UTF_8) + ","
        + withoutProof).getBytes(StandardCharsets.UTF_8);
    ScramHash h = ScramHash.SHA_1;
    byte[] salted = h.hi(bytes("pencil"), Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096);
    c.succeed(bytes("v=" + Base64.getEncoder().encodeToString(
        h.hmac(h.hmac(salted, bytes("Server Key")), auth))));
    assertThat(c.serverAuthenticated()).isTrue();
  }

  @Test
  void aStrippedMechanismIsDetected() {
    SaslOffer tampered = new SaslOffer(List.of("SCRAM-SHA-1"),
        Optional.of(List.of("tls-server-end-point", "tls-exporter")));
    assertDowngrade(tampered);
  }

  @Test
  void aStrippedChannelBindingTypeIsDetected() {
    assertDowngrade(new SaslOffer(List.of("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"),
        Optional.of(List.of("tls-server-end-point"))));
    assertDowngrade(new SaslOffer(List.of("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"), Optional.empty()));
  }

  private static void assertDowngrade(SaslOffer offer) {
    ScramClient c = exampleClient(offer, false);
    c.initialResponse();
    assertThatThrownBy(() -> c.evaluateChallenge(decodeBytes(EXAMPLE_CHALLENGE.strip())))
        .isInstanceOfSatisfying(SaslException.class,
            e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.DOWNGRADE_DETECTED));
  }

  @Test
  void legacyDAttributeIsNotCheckedButReported() {
    TestScramServer server = new TestScramServer("SHA-256", "pencil", 4096, "n,,", new byte[0],
        ",d=bm90IGEgaGFzaCBvZiB0aGlzIG9mZmVy");
    ScramClient c = ScramClient.builder(new ScramMechanism(ScramHash.SHA_256, false))
        .username("user").password("pencil").clientNonce("abc")
        .offer(SaslOffer.of("SCRAM-SHA-256")).build();
    String serverFirst = server.first(new String(c.initialResponse(), StandardCharsets.UTF_8));
    c.evaluateChallenge(bytes(serverFirst));
    assertThat(c.downgradeProtection()).isEqualTo(DowngradeProtection.LEGACY_UNVERIFIED);
  }

  /** XEP-0474 §5 new rule 6: without a usable type and without tls-server-end-point, h= is required. */
  @Test
  void requiredProofMissingIsADowngrade() throws Exception {
    SaslOffer offer = new SaslOffer(List.of("SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"),
        Optional.of(List.of("tls-future-binding")));
    SaslChannel channel = SaslChannel.tls("TLSv1.3", Features.source(Map.of(
        "tls-exporter", FAKE_CB)));
    SaslSelection sel = SaslSelector.select(SaslSettings.password("user", "pencil"), offer, channel);
    assertThat(sel.mechanism()).isEqualTo("SCRAM-SHA-256");
    assertThat(sel.channelBinding().flag()).isEqualTo(Gs2ChannelBinding.Flag.N);
    assertThat(sel.requireDowngradeProof()).isTrue();

    ScramClient without = scram256(offer);
    assertThatThrownBy(() -> without.evaluateChallenge(bytes(serverFirst(without, ""))))
        .isInstanceOfSatisfying(SaslException.class,
            e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.DOWNGRADE_DETECTED));

    String h = ",h=" + Base64.getEncoder().encodeToString(Ssdp.hash(ScramHash.SHA_256, offer));
    ScramClient with = scram256(offer);
    TestScramServer server = new TestScramServer("SHA-256", "pencil", 4096, "n,,", new byte[0], h);
    String first = server.first(new String(with.initialResponse(), StandardCharsets.UTF_8));
    String clientFinal = new String(with.evaluateChallenge(bytes(first)), StandardCharsets.UTF_8);
    with.succeed(bytes(server.last(clientFinal)));
    assertThat(with.downgradeProtection()).isEqualTo(DowngradeProtection.VERIFIED);
  }

  private static ScramClient scram256(SaslOffer offer) {
    return ScramClient.builder(new ScramMechanism(ScramHash.SHA_256, false))
        .username("user").password("pencil").clientNonce("abc").offer(offer)
        .requireDowngradeProof(true).build();
  }

  private static String serverFirst(ScramClient c, String extra) {
    c.initialResponse();
    return "r=abcdef,s=" + Base64.getEncoder().encodeToString(bytes("salt")) + ",i=4096" + extra;
  }

  private static ScramClient exampleClient(SaslOffer offer, boolean requireProof) {
    return ScramClient.builder(new ScramMechanism(ScramHash.SHA_1, true))
        .username("user").password("pencil").clientNonce(NONCE)
        .channelBinding(Gs2ChannelBinding.bound("tls-exporter", FAKE_CB))
        .offer(offer).requireDowngradeProof(requireProof).build();
  }

  private static String decode(String b64) {
    return new String(decodeBytes(b64), StandardCharsets.UTF_8);
  }

  private static byte[] decodeBytes(String b64) {
    return Base64.getDecoder().decode(b64);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
