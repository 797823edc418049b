package dev.xmppreactive.samples.cli;

import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.XmppTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test server with accounts alice, bob and bot (password: the username backwards, plus "-pw"),
 * its CA in a PEM file, and the command-line options that reach it.
 */
final class Fixture implements AutoCloseable {

  final RunningServer server;
  final Path trustPem;

  Fixture(XmppTestServer config, Path dir) throws IOException {
    this.server = config.user("alice", password("alice")).user("bob", password("bob"))
        .user("bot", password("bot")).start();
    this.trustPem = Files.writeString(dir.resolve("ca.pem"), server.trustAnchorPem());
  }

  Fixture(Path dir) throws IOException {
    this(XmppTestServer.create(), dir);
  }

  static String password(String user) {
    return new StringBuilder(user).reverse() + "-pw";
  }

  /** The environment a command of {@code user}'s runs with. */
  static Map<String, String> env(String user) {
    return Map.of(ConnectionOptions.PASSWORD_VARIABLE, password(user));
  }

  /** A command line: the command, the connection options for {@code user}, then {@code more}. */
  List<String> args(String command, String user, String... more) {
    List<String> a = new ArrayList<>(List.of(command,
        "--jid", server.jid(user).toString(),
        "--host", server.host(),
        "--port", Integer.toString(server.port()),
        "--trust-pem", trustPem.toString()));
    a.addAll(List.of(more));
    return a;
  }

  /** Runs a command to its end. */
  static int run(CapturedTerminal t, List<String> args) {
    return Cli.run(t.terminal(), args.toArray(String[]::new));
  }

  /** Starts a long-running command on its own thread. */
  static CompletableFuture<Integer> start(CapturedTerminal t, List<String> args) {
    return CompletableFuture.supplyAsync(() -> run(t, args), runnable -> {
      Thread thread = new Thread(runnable, "command " + args.get(0));
      thread.setDaemon(true);
      thread.start();
    });
  }

  @Override
  public void close() {
    server.close();
  }
}
