/**
 * The real-server harness: private Prosody 0.12 and ejabberd 23.01 processes (the Debian packages)
 * for integration tests ({@code *IT}) and benchmarks, started by the harness from generated
 * configurations in a temporary folder, on free loopback ports, with a generated certificate and
 * the accounts the tests ask for.
 *
 * <h2>In a JUnit test</h2>
 * <pre>{@code
 * // the same test against Prosody and ejabberd (one shared instance of each per JVM)
 * @EachServer
 * void logsIn(XmppServer server) {
 *   TestUser alice = server.newUser("alice");           // unique name, random password
 *   // connect to server.host() : server.starttlsPort()  (or server.directTlsPort(), XEP-0368),
 *   // verify the certificate against server.domain(), trusting server.trustAnchorPem()
 * }
 *
 * // one server with particular options
 * @Test
 * void scramSha256(@Prosody(passwordHash = PasswordHash.SHA_256) XmppServer server) { ... }
 *
 * // anything else, programmatically (with @ExtendWith(RealServersExtension.class))
 * @Test
 * void archive(SharedServers servers) {
 *   EjabberdServer server = servers.ejabberd(EjabberdOptions.defaults().withMam(true));
 * }
 * }</pre>
 * A server that is not installed skips the test, except with {@code CI=true}, where it fails it.
 *
 * <h2>Elsewhere (benchmarks, main programs)</h2>
 * <pre>{@code
 * try (ProsodyServer server = ProsodyServer.start(ProsodyOptions.defaults())) {
 *   List<TestUser> users = server.createUsers("load", 10_000, "secret");
 *   ...
 * }
 * }</pre>
 * A server left open is stopped by a JVM shutdown hook; if the JVM is killed, the server notices
 * its standard input close and stops itself.
 */
package dev.xmppreactive.servers;
