/**
 * What users need to test their XMPP bots and clients: an in-JVM XMPP server, and expectations for
 * {@code StepVerifier}.
 *
 * <p>{@link dev.xmppreactive.test.XmppTestServer} configures a server (domain, accounts, TLS, SASL
 * mechanisms, XEP-0198), {@link dev.xmppreactive.test.XmppTestServer#start()} starts it on a free port
 * in milliseconds, and the {@link dev.xmppreactive.test.RunningServer} hands out clients already
 * configured for it. Each bound session is a {@link dev.xmppreactive.test.TestSession} a test can
 * watch ({@code received()}), script ({@code intercept}, {@code send}) and break ({@code sendRaw},
 * {@code sendStreamError}, {@code dropConnection}, {@code delayDeliveries}).
 * {@link dev.xmppreactive.test.XmppSteps} gives matchers that read well in {@code StepVerifier}:
 *
 * <pre>{@code
 * try (RunningServer server = XmppTestServer.create()
 *     .user("bot", "bot-secret").user("alice", "alice-secret").start()) {
 *   XmppSession bot = server.clientFor("bot").handler(new EchoBot()).connect().block();
 *   XmppSession alice = server.clientFor("alice").connect().block();
 *   StepVerifier.create(alice.messages())
 *       .then(() -> alice.send(Message.chat(bot.jid(), "ping")).subscribe())
 *       .assertNext(expectMessage(bot.jid(), "echo: ping"))
 *       .thenCancel()
 *       .verify(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The server is a real XMPP server for what it implements (see {@link
 * dev.xmppreactive.test.XmppTestServer}); Smack logs in to it in the module's own tests. It does not
 * replace tests against Prosody and ejabberd.
 */
package dev.xmppreactive.test;
