/**
 * TLS for XMPP clients: STARTTLS (RFC 6120 §5) and direct TLS (XEP-0368) engines and Netty handlers,
 * certificate validation and server identity checks (RFC 6120 §13.7, RFC 6125, RFC 7590), typed
 * refusals, and channel-binding data for SCRAM-*-PLUS (RFC 5929, RFC 9266).
 *
 * <p>Entry points: {@link dev.xmppreactive.tls.TlsSettings} (configuration),
 * {@link dev.xmppreactive.tls.XmppTlsContext} (engines and handlers),
 * {@link dev.xmppreactive.tls.TlsHandshake} (the outcome), {@link dev.xmppreactive.tls.TlsChannelBindings}
 * (for SASL) and {@link dev.xmppreactive.tls.TlsException} (why it failed).
 */
package dev.xmppreactive.tls;
