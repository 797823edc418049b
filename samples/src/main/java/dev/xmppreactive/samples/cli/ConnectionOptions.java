package dev.xmppreactive.samples.cli;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.jid.Jid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every connecting command shares: the account and how to reach its server. */
final class ConnectionOptions {

  /** The environment variable the password is read from. */
  static final String PASSWORD_VARIABLE = "XMPP_PASSWORD";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = "--jid", required = true, paramLabel = "JID", converter = JidConverter.class,
      description = "The account: user@domain, or user@domain/resource to ask for a resource.")
  private Jid jid;

  @Option(names = "--host", paramLabel = "HOST",
      description = "The server to connect to (default: found through the DNS SRV records of the "
          + "JID's domain). The certificate is checked against the JID's domain either way.")
  private String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The port (default: 5222, or 5223 with --direct-tls).")
  private Integer port;

  @Option(names = "--direct-tls",
      description = "TLS from the first byte (XEP-0368) instead of STARTTLS.")
  private boolean directTls;

  @Option(names = "--trust-pem", paramLabel = "FILE",
      description = "Trust the CA certificates of this PEM file instead of the JDK's trust store.")
  private Path trustPem;

  @Option(names = "--password", paramLabel = "PASSWORD",
      description = "The password (default: the environment variable " + PASSWORD_VARIABLE
          + ", which is better: other users of the machine can see a command line).")
  private String password;

  /**
   * A client for these options, the password from the option or else the environment.
   *
   * @throws ParameterException if there is no password, or the PEM file cannot be read
   */
  XmppClient client(Map<String, String> env) {
    String secret = password != null ? password : env.get(PASSWORD_VARIABLE);
    if (secret == null || secret.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no password: set the environment variable "
          + PASSWORD_VARIABLE + " or give --password");
    }
    if (jid.localpart() == null) {
      throw new ParameterException(spec.commandLine(), "--jid needs a user: user@" + jid);
    }
    if (port != null && (port < 1 || port > 0xFFFF)) {
      throw new ParameterException(spec.commandLine(), "--port out of range: " + port);
    }
    XmppClient client = XmppClient.create().credentials(jid, secret).directTls(directTls);
    if (host != null || port != null) {
      client = client.host(host != null ? host : jid.domainpart());
    }
    if (port != null) {
      client = client.port(port);
    }
    if (trustPem != null) {
      if (!Files.isReadable(trustPem)) {
        throw new ParameterException(spec.commandLine(), "cannot read --trust-pem " + trustPem);
      }
      client = client.trust(trustPem);
    }
    return client;
  }

  /** The account's address. */
  Jid jid() {
    return jid;
  }
}
