package dev.xmppreactive.stream;

import java.util.Locale;

/**
 * The defined conditions of stream errors, RFC 6120 §4.9.3. Each names the child element of
 * {@code <stream:error/>} in the {@code urn:ietf:params:xml:ns:xmpp-streams} namespace.
 */
public enum StreamErrorCondition {
  /** §4.9.3.1: XML that cannot be processed. */
  BAD_FORMAT,
  /** §4.9.3.2: a namespace prefix that is not supported. */
  BAD_NAMESPACE_PREFIX,
  /** §4.9.3.3: a new stream conflicts with this one. */
  CONFLICT,
  /** §4.9.3.4: no traffic for too long. */
  CONNECTION_TIMEOUT,
  /** §4.9.3.5: the host is no longer served. */
  HOST_GONE,
  /** §4.9.3.6: the host is not served. */
  HOST_UNKNOWN,
  /** §4.9.3.7: a stanza lacks a required 'to' or 'from', or has an invalid one. */
  IMPROPER_ADDRESSING,
  /** §4.9.3.8: the server failed. */
  INTERNAL_SERVER_ERROR,
  /** §4.9.3.9: the 'from' address is not authorised. */
  INVALID_FROM,
  /** §4.9.3.10: a wrong stream or content namespace. */
  INVALID_NAMESPACE,
  /** §4.9.3.11: XML that fails validation (where the server validates). */
  INVALID_XML,
  /** §4.9.3.12: data sent before authentication. */
  NOT_AUTHORIZED,
  /** §4.9.3.13: XML that is not well-formed (W3C XML 1.0, Namespaces in XML). */
  NOT_WELL_FORMED,
  /** §4.9.3.14: a local policy was broken (for example, a stanza too large). */
  POLICY_VIOLATION,
  /** §4.9.3.15: a remote server needed for this stream cannot be reached. */
  REMOTE_CONNECTION_FAILED,
  /** §4.9.3.16: the stream must be re-established (for example, credentials changed). */
  RESET,
  /** §4.9.3.17: the peer lacks the resources to serve the stream. */
  RESOURCE_CONSTRAINT,
  /** §4.9.3.18: XML that RFC 6120 §11.1 restricts: comments, PIs, DTDs, entity references. */
  RESTRICTED_XML,
  /** §4.9.3.19: go to another host (the error's text content names it). */
  SEE_OTHER_HOST,
  /** §4.9.3.20: the server is shutting down. */
  SYSTEM_SHUTDOWN,
  /** §4.9.3.21: none of the others; an application-specific condition says more. */
  UNDEFINED_CONDITION,
  /** §4.9.3.22: an encoding other than UTF-8 (§11.6). */
  UNSUPPORTED_ENCODING,
  /** §4.9.3.23: a mandatory-to-negotiate feature is not supported. */
  UNSUPPORTED_FEATURE,
  /** §4.9.3.24: a first-level child the receiver does not support. */
  UNSUPPORTED_STANZA_TYPE,
  /** §4.9.3.25: an unsupported protocol version. */
  UNSUPPORTED_VERSION;

  /** The namespace of the defined conditions, RFC 6120 §4.9.2. */
  public static final String NS = "urn:ietf:params:xml:ns:xmpp-streams";

  /** The element name of this condition, as {@code not-well-formed}. */
  public String elementName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The condition named by an element name, or {@link #UNDEFINED_CONDITION} if none is. */
  public static StreamErrorCondition fromElementName(String name) {
    for (StreamErrorCondition c : values()) {
      if (c.elementName().equals(name)) {
        return c;
      }
    }
    return UNDEFINED_CONDITION;
  }
}
