package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The element-level state machine, RFC 6120 §6.4, driven as the client's negotiator will drive it. */
class SaslAttemptTest {

  private static final String NS = SaslElements.NS;
  private static final SaslChannel TLS = SaslChannel.tls("TLSv1.3",
      Features.source(Map.of("tls-exporter", new byte[] {9, 9, 9})));
  /** RFC 5802 §5's example conversation. */
  private static final String FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
      + "s=QSXCR+Q6sek8bf92,i=4096";
  private static final String FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

  private static SaslAttempt rfc5802Attempt() {
    SaslSettings s = SaslSettings.password("user", "pencil")
        .withNonceSource(() -> "fyko+d2lbbFgONRv9qkxdawL");
    return SaslAttempt.start(s, Features.of("SCRAM-SHA-1"), SaslChannel.plaintext());
  }

  @Test
  void scramWithSignatureInSuccess() {
    SaslAttempt a = rfc5802Attempt();
    XmlElement auth = a.authElement();
    assertThat(auth.attribute("mechanism")).isEqualTo("SCRAM-SHA-1");
    assertThat(Features.decode(auth)).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    SaslStep step = a.receive(Features.challenge(FIRST));
    assertThat(Features.decode(((SaslStep.Respond) step).element())).isEqualTo(
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
    SaslStep done = a.receive(Features.success(FINAL));
    assertThat(done).isEqualTo(new SaslStep.Success(new SaslOutcome("SCRAM-SHA-1", null, true,
        DowngradeProtection.NOT_OFFERED)));
    assertThat(a.isDone()).isTrue();
    assertThatThrownBy(() -> a.receive(Features.success(null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scramWithSignatureInAChallengeThenEmptyResponse() {
    SaslAttempt a = rfc5802Attempt();
    a.authElement();
    a.receive(Features.challenge(FIRST));
    SaslStep.Respond r = (SaslStep.Respond) a.receive(Features.challenge(FINAL));
    assertThat(r.element()).isEqualTo(XmlElement.empty("response", NS));
    assertThat(a.receive(XmlElement.empty("success", NS))).isInstanceOf(SaslStep.Success.class);
  }

  @Test
  void successWithoutTheServersSignatureIsRefused() {
    SaslAttempt early = rfc5802Attempt();
    early.authElement();
    assertServerSignatureInvalid(() -> early.receive(XmlElement.empty("success", NS)));

    SaslAttempt late = rfc5802Attempt();
    late.authElement();
    late.receive(Features.challenge(FIRST));
    assertServerSignatureInvalid(() -> late.receive(XmlElement.empty("success", NS)));
    assertThat(late.isDone()).isTrue();

    SaslAttempt empty = rfc5802Attempt();
    empty.authElement();
    empty.receive(Features.challenge(FIRST));
    assertServerSignatureInvalid(() -> empty.receive(
        XmlElement.builder("success", NS).text("=").build()));
  }

  @Test
  void aChallengeAfterCompletionIsAProtocolViolation() {
    SaslAttempt a = rfc5802Attempt();
    a.authElement();
    a.receive(Features.challenge(FIRST));
    a.receive(Features.challenge(FINAL));
    assertProtocolViolation(() -> a.receive(Features.challenge(FINAL)));
  }

  @Test
  void failureBecomesATypedErrorWithConditionAndText() {
    SaslAttempt a = rfc5802Attempt();
    a.authElement();
    XmlElement failure = XmlElement.builder("failure", NS)
        .child(XmlElement.empty("temporary-auth-failure", NS))
        .child(XmlElement.builder("text", NS).lang("en").text("try later").build()).build();
    assertThatThrownBy(() -> a.receive(failure)).isInstanceOfSatisfying(SaslException.class, e -> {
      assertThat(e.condition()).contains(SaslFailureCondition.TEMPORARY_AUTH_FAILURE);
      assertThat(e.serverText()).contains("try later");
      assertThat(e.isRetryable()).isTrue();
    });
    assertThat(a.isDone()).isTrue();
  }

  @Test
  void unexpectedElementsAreProtocolViolations() {
    for (XmlElement e : List.of(XmlElement.empty("message", "jabber:client"),
        XmlElement.empty("auth", NS), XmlElement.empty("features", NS))) {
      SaslAttempt a = rfc5802Attempt();
      a.authElement();
      assertProtocolViolation(() -> a.receive(e));
    }
  }

  @Test
  void malformedServerFirstMessagesAreRefused() {
    String salt = ",s=QSXCR+Q6sek8bf92";
    for (String bad : List.of(
        "r=somebodyElsesNonce" + salt + ",i=4096",           // does not extend our nonce
        "r=fyko+d2lbbFgONRv9qkxdawL" + salt + ",i=4096",     // adds nothing to it
        "m=ext,r=fyko+d2lbbFgONRv9qkxdawLxyz" + salt + ",i=4096", // mandatory extension
        "s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawLxyz,i=4096", // wrong order
        "r=fyko+d2lbbFgONRv9qkxdawLxyz" + salt,              // no iteration count
        "r=fyko+d2lbbFgONRv9qkxdawLxyz,s=***,i=4096",        // salt not base64
        "r=fyko+d2lbbFgONRv9qkxdawLxyz,s=,i=4096",           // empty value
        "r=fyko+d2lbbFgONRv9qkxdawLxyz" + salt + ",i=04096", // not a posit-number
        "r=fyko+d2lbbFgONRv9qkxdawLxyz" + salt + ",i=-1",
        "r=fyko+d2lbbFgONRv9qkxdawLx\u00e9" + salt + ",i=4096", // nonce not printable
        "garbage", "", ",,,")) {
      SaslAttempt a = rfc5802Attempt();
      a.authElement();
      assertProtocolViolation(() -> a.receive(Features.challenge(bad)));
    }
    SaslAttempt notUtf8 = rfc5802Attempt();
    notUtf8.authElement();
    assertProtocolViolation(() -> notUtf8.receive(XmlElement.builder("challenge", NS)
        .text(Base64.getEncoder().encodeToString(new byte[] {'r', '=', (byte) 0xff})).build()));
  }

  @Test
  void iterationCountsOutsideTheLimitsAreInsecure() {
    for (String i : List.of("4095", "1000001", "99999999999")) {
      SaslAttempt a = rfc5802Attempt();
      a.authElement();
      assertThatThrownBy(() -> a.receive(Features.challenge(
          "r=fyko+d2lbbFgONRv9qkxdawLxyz,s=QSXCR+Q6sek8bf92,i=" + i)))
          .isInstanceOfSatisfying(SaslException.class,
              e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.INSECURE_PARAMETERS));
    }
  }

  @Test
  void serverErrorInAChallengeOrInSuccessIsTyped() {
    SaslAttempt a = rfc5802Attempt();
    a.authElement();
    a.receive(Features.challenge(FIRST));
    assertThatThrownBy(() -> a.receive(Features.success("e=channel-bindings-dont-match")))
        .isInstanceOfSatisfying(SaslException.class, e -> {
          assertThat(e.kind()).isEqualTo(SaslException.Kind.SCRAM_SERVER_ERROR);
          assertThat(e.scramError()).contains("channel-bindings-dont-match");
        });
  }

  @Test
  void plainOverTls() {
    SaslAttempt a = SaslAttempt.start(SaslSettings.password("juliet", "r0m30myr0m30"),
        Features.of("PLAIN"), TLS);
    XmlElement auth = a.authElement();
    assertThat(auth.text()).isEqualTo("AGp1bGlldAByMG0zMG15cjBtMzA="); // RFC 6120 §6.4.2
    assertProtocolViolation(() -> a.receive(Features.challenge("x")));

    SaslAttempt ok = SaslAttempt.start(SaslSettings.password("juliet", "r0m30myr0m30")
        .withAuthzid("juliet@im.example.com"), Features.of("PLAIN"), TLS);
    assertThat(new String(Base64.getDecoder().decode(ok.authElement().text()),
        StandardCharsets.UTF_8)).isEqualTo("juliet@im.example.com\0juliet\0r0m30myr0m30");
    SaslStep.Success s = (SaslStep.Success) ok.receive(XmlElement.empty("success", NS));
    assertThat(s.outcome()).isEqualTo(new SaslOutcome("PLAIN", null, false,
        DowngradeProtection.NOT_APPLICABLE));
  }

  @Test
  void passwordIsPreparedWithOpaqueString() {
    SaslAttempt a = SaslAttempt.start(SaslSettings.password("juliet", "a\u00a0b\u212b"),
        Features.of("PLAIN"), TLS);
    assertThat(new String(Base64.getDecoder().decode(a.authElement().text()),
        StandardCharsets.UTF_8)).isEqualTo("\0juliet\0a b\u00c5");
    assertThatThrownBy(() -> SaslAttempt.start(SaslSettings.password("juliet", "bad\u0007"),
        Features.of("PLAIN"), TLS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void externalAndAnonymousSendEqualsForNoData() {
    SaslAttempt ext = SaslAttempt.start(SaslSettings.clientCertificate(),
        Features.of("EXTERNAL", "PLAIN"), TLS);
    assertThat(ext.authElement().text()).isEqualTo("=");
    assertThat(ext.receive(XmlElement.empty("success", NS))).isInstanceOf(SaslStep.Success.class);
    SaslAttempt withAuthzid = SaslAttempt.start(SaslSettings.clientCertificate()
        .withAuthzid("juliet@im.example.com"), Features.of("EXTERNAL"), TLS);
    assertThat(Features.decode(withAuthzid.authElement())).isEqualTo("juliet@im.example.com");
    SaslAttempt anon = SaslAttempt.start(SaslSettings.anonymous(), Features.of("ANONYMOUS"),
        SaslChannel.plaintext());
    assertThat(anon.authElement().toXml()).isEqualTo(
        "<auth xmlns='" + NS + "' mechanism='ANONYMOUS'>=</auth>");
  }

  @Test
  void usernameAndAuthzidAreEscapedInScram() {
    SaslAttempt a = SaslAttempt.start(SaslSettings.password("a,b=c", "pw").withAuthzid("x=,y")
            .withNonceSource(() -> "nonce"), Features.of("SCRAM-SHA-256"), SaslChannel.plaintext());
    assertThat(Features.decode(a.authElement())).isEqualTo("n,a=x=3D=2Cy,n=a=2Cb=3Dc,r=nonce");
  }

  @Test
  void callerMistakesAreIllegalState() {
    SaslAttempt a = rfc5802Attempt();
    assertThatThrownBy(() -> a.receive(Features.challenge(FIRST)))
        .isInstanceOf(IllegalStateException.class);
    a.authElement();
    assertThatThrownBy(a::authElement).isInstanceOf(IllegalStateException.class);
  }

  private static void assertProtocolViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    assertThatThrownBy(c).isInstanceOfSatisfying(SaslException.class,
        e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.PROTOCOL_VIOLATION));
  }

  private static void assertServerSignatureInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    assertThatThrownBy(c).isInstanceOfSatisfying(SaslException.class,
        e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_SIGNATURE_INVALID));
  }
}
