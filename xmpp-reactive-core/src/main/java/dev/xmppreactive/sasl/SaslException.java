package dev.xmppreactive.sasl;

import dev.xmppreactive.stream.XmppException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SASL authentication failed (RFC 6120 §6). {@link #kind()} tells whether the server refused
 * ({@link Kind#SERVER_FAILURE}, with its {@link #condition()} and text) or this client stopped the
 * exchange because something was wrong or unsafe.
 *
 * <p>{@link #isRetryable()} answers the question reconnection logic asks: is trying the same thing
 * again later worth it?
 */
public final class SaslException extends XmppException {

  /** What kind of failure this is. */
  public enum Kind {
    /** The server sent {@code <failure/>} (RFC 6120 §6.4.5); see {@link #condition()}. */
    SERVER_FAILURE,
    /** The server sent a SCRAM {@code e=} error (RFC 5802 §7); see {@link #scramError()}. */
    SCRAM_SERVER_ERROR,
    /** No offered mechanism is acceptable; see {@link #offered()} and {@link #refusals()}. */
    NO_ACCEPTABLE_MECHANISM,
    /** The server's SCRAM signature ({@code v=}) is missing or wrong (RFC 5802 §5, §9). */
    SERVER_SIGNATURE_INVALID,
    /** The offered mechanisms or channel-binding types were tampered with (XEP-0474, XEP-0440 §5). */
    DOWNGRADE_DETECTED,
    /** The server broke the protocol: malformed base64 or message, an unexpected element or step. */
    PROTOCOL_VIOLATION,
    /** The server asked for something the client refuses as unsafe, such as too few SCRAM iterations. */
    INSECURE_PARAMETERS
  }

  private final Kind kind;
  private final SaslFailureCondition condition;
  private final String conditionElementName;
  private final String serverText;
  private final String serverTextLang;
  private final String scramError;
  private final List<String> offered;
  private final Map<String, MechanismRefusal> refusals;

  private SaslException(Kind kind, String message, SaslFailureCondition condition,
      String conditionElementName, String serverText, String serverTextLang, String scramError,
      List<String> offered, Map<String, MechanismRefusal> refusals, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.condition = condition;
    this.conditionElementName = conditionElementName;
    this.serverText = serverText;
    this.serverTextLang = serverTextLang;
    this.scramError = scramError;
    this.offered = offered;
    this.refusals = refusals;
  }

  /**
   * A {@code <failure/>} from the server.
   *
   * @param elementName the condition element's name as sent, or {@code null} if there was none
   * @param text        the {@code <text/>}, or {@code null}
   * @param lang        the text's {@code xml:lang}, or {@code null}
   */
  static SaslException serverFailure(String elementName, String text, String lang) {
    SaslFailureCondition c = SaslFailureCondition.fromElementName(elementName);
    String shown = elementName == null ? "no condition" : elementName;
    String msg = "SASL failure from the server: " + shown + (text == null ? "" : ": " + text);
    return new SaslException(Kind.SERVER_FAILURE, msg, c, elementName, text, lang, null, List.of(),
        Map.of(), null);
  }

  /** A SCRAM {@code e=} server-error (RFC 5802 §7) in a challenge or in additional data. */
  static SaslException scramServerError(String value) {
    return new SaslException(Kind.SCRAM_SERVER_ERROR, "SCRAM error from the server: e=" + value,
        null, null, null, null, value, List.of(), Map.of(), null);
  }

  /** No offered mechanism was acceptable; the map says why each was refused. */
  static SaslException noAcceptableMechanism(List<String> offered,
      Map<String, MechanismRefusal> refusals) {
    StringBuilder sb = new StringBuilder("no acceptable SASL mechanism; the server offered ");
    if (offered.isEmpty()) {
      sb.append("none");
    }
    String sep = "";
    for (String m : offered) {
      MechanismRefusal r = refusals.get(m);
      sb.append(sep).append(m).append(r == null ? "" : " (" + r.description() + ")");
      sep = ", ";
    }
    return new SaslException(Kind.NO_ACCEPTABLE_MECHANISM, sb.toString(), null, null, null, null,
        null, List.copyOf(offered), Collections.unmodifiableMap(new LinkedHashMap<>(refusals)), null);
  }

  /** A {@link Kind#PROTOCOL_VIOLATION}. */
  static SaslException protocolViolation(String message) {
    return local(Kind.PROTOCOL_VIOLATION, message, null);
  }

  /** A local failure of the given kind. */
  static SaslException local(Kind kind, String message) {
    return local(kind, message, null);
  }

  /** A local failure of the given kind, with a cause. */
  static SaslException local(Kind kind, String message, Throwable cause) {
    if (kind == Kind.SERVER_FAILURE || kind == Kind.SCRAM_SERVER_ERROR
        || kind == Kind.NO_ACCEPTABLE_MECHANISM) {
      throw new IllegalArgumentException("not a local kind: " + kind);
    }
    return new SaslException(kind, message, null, null, null, null, null, List.of(), Map.of(), cause);
  }

  /** What kind of failure this is. */
  public Kind kind() {
    return kind;
  }

  /** The server's condition, for {@link Kind#SERVER_FAILURE}; empty for the other kinds. */
  public Optional<SaslFailureCondition> condition() {
    return Optional.ofNullable(condition);
  }

  /**
   * The condition element's name exactly as the server sent it (it may be one this library does not
   * know), or {@code null} if it sent none or this is not a {@link Kind#SERVER_FAILURE}.
   */
  public String conditionElementName() {
    return conditionElementName;
  }

  /** The server's {@code <text/>} (RFC 6120 §6.5), if it sent one. */
  public Optional<String> serverText() {
    return Optional.ofNullable(serverText);
  }

  /** The {@code xml:lang} of {@link #serverText()}, or {@code null}. */
  public String serverTextLang() {
    return serverTextLang;
  }

  /** The value of a SCRAM {@code e=} attribute, such as {@code invalid-proof}, if the server sent one. */
  public Optional<String> scramError() {
    return Optional.ofNullable(scramError);
  }

  /** The mechanisms the server offered, for {@link Kind#NO_ACCEPTABLE_MECHANISM}; otherwise empty. */
  public List<String> offered() {
    return offered;
  }

  /** Why each offered mechanism was refused, for {@link Kind#NO_ACCEPTABLE_MECHANISM}. */
  public Map<String, MechanismRefusal> refusals() {
    return refusals;
  }

  /** Whether the server reported the failure, rather than this client finding a fault. */
  public boolean isFromServer() {
    return kind == Kind.SERVER_FAILURE || kind == Kind.SCRAM_SERVER_ERROR;
  }

  /**
   * Whether trying again later with the same settings may succeed: only a server's
   * {@code temporary-auth-failure} (RFC 6120 §6.5.11). Wrong credentials, a disabled account, a missing
   * mechanism, a bad server signature or a detected downgrade are permanent until something changes,
   * and retrying them in a loop only locks accounts or talks to an attacker.
   */
  public boolean isRetryable() {
    return condition != null && condition.isTemporary();
  }
}
